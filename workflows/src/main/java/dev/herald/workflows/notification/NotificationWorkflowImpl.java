package dev.herald.workflows.notification;

import static dev.herald.workflows.messages.NotificationStatus.CANCELLED;
import static dev.herald.workflows.messages.NotificationStatus.EXPIRED;
import static dev.herald.workflows.messages.NotificationStatus.FAILED;
import static dev.herald.workflows.messages.NotificationStatus.PENDING_APPROVAL;
import static dev.herald.workflows.messages.NotificationStatus.REJECTED;
import static dev.herald.workflows.messages.NotificationStatus.SCHEDULED;
import static dev.herald.workflows.messages.NotificationStatus.SENDING;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.DeliveryOutcome;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationProgress;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.PlannedDelivery;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * accept (reserve deliveries) -> approval if the audience is large -> wait for sendAt -> send each
 * delivery on its channel's queue -> final status. Cancellation or failure releases what is still
 * pending (saga compensation, registered before the reservation it undoes).
 */
public class NotificationWorkflowImpl implements NotificationWorkflow {

  private static final Logger log = Workflow.getLogger(NotificationWorkflowImpl.class);

  private final DeliveryLogActivities deliveryLog =
      Workflow.newActivityStub(DeliveryLogActivities.class, DeliveryPolicies.deliveryLog());
  private final ChannelSends channels = new ChannelSends();
  private final Receipts receipts = new Receipts();
  private Reach reach = new Reach(List.of());
  private final Progress progress = new Progress();
  /** Sends started and maybe not finished; they are never cancelled, only waited for. */
  private final List<Promise<Void>> inFlight = new ArrayList<>();
  private ApprovalDecision decision;
  private String endReason;
  private boolean paused;

  @Override
  public NotificationResult send(NotificationSpec spec) {
    List<PlannedDelivery> planned = DeliveryPlan.of(spec);
    progress.plan(planned.size());
    Saga saga = new Saga(new Saga.Options.Builder().build());
    try {
      saga.addCompensation(() -> progress.cancelled(deliveryLog.releasePending(spec.id(), endReason)));
      deliveryLog.recordAccepted(spec, planned);
      if (planned.isEmpty()) {
        return finish(spec, FAILED, "no recipient has an address for the requested channels");
      }
      Optional<NotificationStatus> refused = awaitApprovalIfRequired(spec);
      if (refused.isPresent()) {
        saga.compensate();
        return finish(spec, refused.get(), endReason);
      }
      waitUntilSendAt(spec);
      changeStatus(spec, SENDING, null);
      List<List<PlannedDelivery>> units = DeliveryPlan.units(spec, planned);
      reach = new Reach(units);
      deliverAll(spec, units);
      awaitReceipts(spec);
      return finish(spec, reach.status(), null);
    } catch (CanceledFailure cancelled) {
      Workflow.newDetachedCancellationScope(() -> compensate(saga, spec, CANCELLED, "cancelled by request")).run();
      throw cancelled;
    } catch (RuntimeException failure) {
      // A send cancelled along with the workflow surfaces as an ActivityFailure caused by CanceledFailure.
      boolean cancelled = failure instanceof ActivityFailure activity && DeliveryErrors.isCancellation(activity);
      NotificationStatus status = cancelled ? CANCELLED : FAILED;
      String detail = cancelled ? "cancelled by request" : failure.getMessage();
      Workflow.newDetachedCancellationScope(() -> compensate(saga, spec, status, detail)).run();
      throw failure;
    }
  }

  @Override
  public void decide(ApprovalDecision decision) {
    if (this.decision == null) {
      this.decision = decision;
    }
  }

  @Override
  public void pause() {
    paused = true;
  }

  @Override
  public void resume() {
    paused = false;
  }

  @Override
  public void receipt(DeliveryReceipt receipt) {
    receipts.arrived(receipt);
  }

  @Override
  public NotificationProgress progress() {
    return progress.snapshot(decision);
  }

  private Optional<NotificationStatus> awaitApprovalIfRequired(NotificationSpec spec) {
    int audience = spec.recipients().size();
    if (!spec.approval().requiresApproval(audience)) {
      return Optional.empty();
    }
    changeStatus(spec, PENDING_APPROVAL,
        "audience of " + audience + " is above the approval threshold of " + spec.approval().threshold());
    if (!Workflow.await(spec.approval().timeout(), () -> decision != null)) {
      endReason = "no approval decision within " + spec.approval().timeout();
      return Optional.of(EXPIRED);
    }
    deliveryLog.recordApproval(spec.id(), decision);
    if (decision.decision() == Decision.REJECT) {
      endReason = "rejected by " + decision.decidedBy()
          + (decision.comment() == null ? "" : ": " + decision.comment());
      return Optional.of(REJECTED);
    }
    return Optional.empty();
  }

  private void waitUntilSendAt(NotificationSpec spec) {
    if (spec.sendAt() == null) {
      return;
    }
    Duration wait = Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), spec.sendAt());
    if (!wait.isNegative() && !wait.isZero()) {
      changeStatus(spec, SCHEDULED, "until " + spec.sendAt());
      Workflow.sleep(wait);
    }
  }

  /**
   * Sends with at most {@link DeliveryPolicies#SEND_WINDOW} units in flight. A send in flight is not
   * cancelled with the notification (it may already be at the provider): it finishes and is
   * recorded as it ended; cancellation stops new sends.
   */
  private void deliverAll(NotificationSpec spec, List<List<PlannedDelivery>> units) {
    CancellationScope scope = CancellationScope.current();
    for (List<PlannedDelivery> unit : units) {
      if (inFlight.size() >= DeliveryPolicies.SEND_WINDOW) {
        Promise.anyOf(inFlight).get();
        inFlight.removeIf(Promise::isCompleted);
      }
      if (scope.isCancelRequested()) {
        throw new CanceledFailure("cancelled while sending");
      }
      Workflow.newDetachedCancellationScope(() -> inFlight.add(Async.procedure(this::deliverUnit, spec, unit))).run();
    }
    Promise.allOf(inFlight).get();
  }

  /** Tries the unit's deliveries in order until one gets through; the rest are skipped. */
  private void deliverUnit(NotificationSpec spec, List<PlannedDelivery> unit) {
    for (int i = 0; i < unit.size(); i++) {
      PlannedDelivery delivery = unit.get(i);
      if (deliver(spec, delivery) == DeliveryStatus.SENT) {
        for (PlannedDelivery unused : unit.subList(i + 1, unit.size())) {
          record(DeliveryOutcome.skipped(unused.id(), "fallback not needed: sent by " + delivery.channel()));
        }
        return;
      }
    }
  }

  private DeliveryStatus deliver(NotificationSpec spec, PlannedDelivery delivery) {
    DeliveryOutcome outcome;
    try {
      outcome = DeliveryOutcome.sent(delivery.id(), channels.send(spec, delivery));
      if (ChannelSends.hasReceipts(delivery.channel())) {
        receipts.expect(delivery.id());
      }
    } catch (ActivityFailure failure) {
      if (DeliveryErrors.isCancellation(failure)) {
        throw failure;
      }
      outcome = DeliveryOutcome.failed(delivery.id(), DeliveryErrors.from(failure));
      log.info("delivery {} failed: {}", delivery.id(), outcome.errorCode());
    }
    record(outcome);
    return outcome.status();
  }

  private void record(DeliveryOutcome outcome) {
    progress.record(outcome.status());
    reach.outcome(outcome.deliveryId(), outcome.status());
    deliveryLog.recordDelivery(outcome);
  }

  /** Waits up to the receipt window for the receipts of sent SMS and calls, recording each. */
  private void awaitReceipts(NotificationSpec spec) {
    if (spec.receiptWindow() == null || !receipts.awaiting()) {
      return;
    }
    long deadline = Workflow.currentTimeMillis() + spec.receiptWindow().toMillis();
    while (receipts.awaiting()) {
      Duration left = Duration.ofMillis(deadline - Workflow.currentTimeMillis());
      if (left.isNegative() || left.isZero() || !Workflow.await(left, receipts::hasArrived)) {
        return;
      }
      for (DeliveryReceipt receipt : receipts.takeArrived()) {
        deliveryLog.recordReceipt(receipt);
        progress.receipt(receipt.status());
        if (receipt.status() == DeliveryStatus.FAILED) {
          reach.undelivered(receipt.deliveryId());
        }
      }
    }
  }

  private void compensate(Saga saga, NotificationSpec spec, NotificationStatus status, String detail) {
    Promise.allOf(inFlight).get();
    endReason = detail;
    saga.compensate();
    changeStatus(spec, status, detail);
  }

  private NotificationResult finish(NotificationSpec spec, NotificationStatus status, String detail) {
    changeStatus(spec, status, detail);
    return progress.result(spec.id());
  }

  private void changeStatus(NotificationSpec spec, NotificationStatus status, String detail) {
    progress.status(status, detail);
    Workflow.upsertTypedSearchAttributes(HeraldSearchAttributes.STATUS.valueSet(status.name()));
    Workflow.setCurrentDetails(detail == null ? status.name() : status + ": " + detail);
    deliveryLog.recordStatus(spec.id(), status, detail);
  }
}
