package dev.herald.workflows.notification;

import static dev.herald.workflows.messages.NotificationStatus.CANCELLED;
import static dev.herald.workflows.messages.NotificationStatus.FAILED;
import static dev.herald.workflows.messages.NotificationStatus.SENDING;

import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.DeliveryOutcome;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationProgress;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.PlannedDelivery;
import dev.herald.workflows.template.TemplateActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.time.Duration;
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

  /** The delivery log as local activities: a single send's writes cost no extra workflow tasks. */
  private final DeliveryLogActivities deliveryLog =
      Workflow.newLocalActivityStub(DeliveryLogActivities.class, DeliveryPolicies.deliveryLogLocal());
  private final ChannelSends channels = new ChannelSends(
      Workflow.newLocalActivityStub(TemplateActivities.class, DeliveryPolicies.templatesLocal()));
  private final Receipts receipts = new Receipts();
  private final Progress progress = new Progress();
  private final Signals signals = new Signals();
  private final NotificationStages stages = new NotificationStages(deliveryLog, progress, signals);
  private RecipientReach reach = new RecipientReach(List.of());
  /** Sends started and maybe not finished; they are never cancelled, only waited for. */
  private final List<Promise<Void>> inFlight = new ArrayList<>();
  private String endReason;
  /** Accepted straight into SENDING: nothing to wait for (something to send, no approval, no sendAt ahead). */
  private boolean sendsAtOnce;
  /** One delivery on a channel without receipts: its outcome waits to go in with the final status. */
  private boolean outcomeWithFinalStatus;
  /** That outcome, until it is written (with the final status, or before a compensation releases what is pending). */
  private DeliveryOutcome unrecorded;

  @Override
  public NotificationResult send(NotificationSpec spec) {
    if (spec.isBroadcast()) {
      return new Broadcast(
          Workflow.newActivityStub(DeliveryLogActivities.class, DeliveryPolicies.deliveryLog()), progress, signals)
          .run(spec);
    }
    List<PlannedDelivery> planned = DeliveryPlan.of(spec);
    progress.plan(planned.size());
    Saga saga = new Saga(new Saga.Options.Builder().build());
    try {
      saga.addCompensation(() -> progress.cancelled(deliveryLog.releasePending(spec.id(), endReason)));
      accept(spec, planned);
      if (planned.isEmpty()) {
        return finish(spec, FAILED, "no recipient has an address for the requested channels");
      }
      Optional<Refusal> refused = stages.awaitApprovalIfRequired(spec, spec.recipients().size());
      if (refused.isPresent()) {
        endReason = refused.get().reason();
        saga.compensate();
        return finish(spec, refused.get().status(), endReason);
      }
      stages.waitUntilSendAt(spec);
      if (!sendsAtOnce) {
        changeStatus(spec, SENDING, null);
      }
      List<List<PlannedDelivery>> units = DeliveryPlan.units(spec, planned);
      reach = new RecipientReach(units);
      deliverAll(spec, units);
      awaitReceipts(spec);
      stopIfCancelled();
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

  /**
   * Records the notification and its planned deliveries in one write: as SENDING when there is
   * nothing to wait for, else as ACCEPTED.
   */
  private void accept(NotificationSpec spec, List<PlannedDelivery> planned) {
    sendsAtOnce = !planned.isEmpty() && !spec.approval().requiresApproval(spec.recipients().size())
        && !stages.waitsForSendAt(spec);
    if (sendsAtOnce) {
      deliveryLog.recordAcceptedSending(spec, planned);
      stages.showFirst(SENDING);
      outcomeWithFinalStatus = planned.size() == 1 && !Channels.of(planned.get(0).channel()).receipts();
    } else {
      deliveryLog.recordAccepted(spec, planned);
    }
  }

  @Override
  public void decide(ApprovalDecision decision) {
    signals.decide(decision);
  }

  @Override
  public void pause() {
    signals.paused = true;
  }

  @Override
  public void resume() {
    signals.paused = false;
  }

  @Override
  public void receipt(DeliveryReceipt receipt) {
    receipts.arrived(receipt);
  }

  @Override
  public NotificationProgress progress() {
    return progress.snapshot(signals.decision);
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
      if (Channels.of(delivery.channel()).receipts()) {
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
    if (outcomeWithFinalStatus) {
      unrecorded = outcome;
    } else {
      deliveryLog.recordDelivery(outcome);
    }
  }

  /** The held-back outcome on its own, before anything else is written (a compensation would release it as pending). */
  private void recordUnrecorded() {
    if (unrecorded != null) {
      deliveryLog.recordDelivery(unrecorded);
      unrecorded = null;
    }
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

  /** A cancel that came while the last sends were in flight ends CANCELLED (local activities run even when cancelled). */
  private void stopIfCancelled() {
    if (CancellationScope.current().isCancelRequested()) {
      throw new CanceledFailure("cancelled while sending");
    }
  }

  private void compensate(Saga saga, NotificationSpec spec, NotificationStatus status, String detail) {
    Promise.allOf(inFlight).get();
    recordUnrecorded();
    endReason = detail;
    saga.compensate();
    changeStatus(spec, status, detail);
  }

  private NotificationResult finish(NotificationSpec spec, NotificationStatus status, String detail) {
    if (unrecorded == null) {
      return stages.finish(spec, status, detail);
    }
    NotificationResult result = stages.finish(spec, status, detail, unrecorded);
    unrecorded = null;
    return result;
  }

  private void changeStatus(NotificationSpec spec, NotificationStatus status, String detail) {
    stages.changeStatus(spec, status, detail);
  }
}
