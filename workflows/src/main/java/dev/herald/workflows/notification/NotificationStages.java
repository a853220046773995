package dev.herald.workflows.notification;

import static dev.herald.workflows.messages.NotificationStatus.EXPIRED;
import static dev.herald.workflows.messages.NotificationStatus.PENDING_APPROVAL;
import static dev.herald.workflows.messages.NotificationStatus.REJECTED;
import static dev.herald.workflows.messages.NotificationStatus.SCHEDULED;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.approval.FourEyes;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The stages every notification passes before and after sending: approval when the audience is
 * large, the durable wait for {@code sendAt}, and each change of status (query, search attribute,
 * current details and delivery log at once).
 */
final class NotificationStages {

  /** Version marker: approval signals are checked (four-eyes, a known decision, an approver) before one is taken. */
  static final String CHECKED_APPROVAL = "checked-approval";

  private final DeliveryLogActivities deliveryLog;
  private final Progress progress;
  private final Signals signals;

  NotificationStages(DeliveryLogActivities deliveryLog, Progress progress, Signals signals) {
    this.deliveryLog = deliveryLog;
    this.progress = progress;
    this.signals = signals;
  }

  /**
   * Waits for an admin's decision when the audience is above the threshold; empty when sending may
   * go on. Every signal is checked ({@link FourEyes}); a refused one is shown where operators look
   * (the query, current details, the delivery log's status detail) and the wait goes on. Histories
   * from before {@link #CHECKED_APPROVAL} took the first signal as it was.
   */
  Optional<Refusal> awaitApprovalIfRequired(NotificationSpec spec, int audience) {
    if (!spec.approval().requiresApproval(audience)) {
      return Optional.empty();
    }
    String waiting = "audience of " + audience + " is above the approval threshold of " + spec.approval().threshold();
    changeStatus(spec, PENDING_APPROVAL, waiting);
    Optional<ApprovalDecision> taken =
        Workflow.getVersion(CHECKED_APPROVAL, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
            ? awaitFirstSignal(spec)
            : awaitAllowedSignal(spec, waiting);
    if (taken.isEmpty()) {
      return Optional.of(new Refusal(EXPIRED, "no approval decision within " + spec.approval().timeout()));
    }
    var decision = taken.get();
    signals.carry(decision);
    deliveryLog.recordApproval(spec.id(), decision);
    if (decision.decision() == Decision.REJECT) {
      return Optional.of(new Refusal(REJECTED, "rejected by " + decision.decidedBy()
          + (decision.comment() == null ? "" : ": " + decision.comment())));
    }
    return Optional.empty();
  }

  private Optional<ApprovalDecision> awaitFirstSignal(NotificationSpec spec) {
    if (!Workflow.await(spec.approval().timeout(), () -> !signals.approvals.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(taken(signals.approvals.get(0)));
  }

  private Optional<ApprovalDecision> awaitAllowedSignal(NotificationSpec spec, String waiting) {
    long deadline = Workflow.currentTimeMillis() + spec.approval().timeout().toMillis();
    int examined = 0;
    while (true) {
      int seen = examined;
      long left = deadline - Workflow.currentTimeMillis();
      if (left <= 0 || !Workflow.await(Duration.ofMillis(left), () -> signals.approvals.size() > seen)) {
        return Optional.empty();
      }
      while (examined < signals.approvals.size()) {
        ApprovalSignal signal = signals.approvals.get(examined++);
        Optional<String> refused = FourEyes.refusal(signal, spec.sender(), spec.approval().requestedByKey());
        if (refused.isEmpty()) {
          return Optional.of(taken(signal));
        }
        String detail = waiting + "; refused a decision from " + FourEyes.shown(signal.approver()) + ": " + refused.get();
        Workflow.getLogger(NotificationStages.class).warn("{}: {}", spec.id(), detail);
        showUnindexed(PENDING_APPROVAL, detail);
        deliveryLog.recordStatus(spec.id(), PENDING_APPROVAL, detail);
      }
    }
  }

  private static ApprovalDecision taken(ApprovalSignal signal) {
    return new ApprovalDecision(FourEyes.decisionOf(signal.decision()).orElseThrow(), signal.comment(),
        signal.approver(), Instant.ofEpochMilli(Workflow.currentTimeMillis()), signal.approverKey());
  }

  void waitUntilSendAt(NotificationSpec spec) {
    if (waitsForSendAt(spec)) {
      changeStatus(spec, SCHEDULED, "until " + spec.sendAt());
      Workflow.sleep(untilSendAt(spec));
    }
  }

  /** True while {@code sendAt} is still ahead (workflow time). */
  boolean waitsForSendAt(NotificationSpec spec) {
    if (spec.sendAt() == null) {
      return false;
    }
    Duration wait = untilSendAt(spec);
    return !wait.isNegative() && !wait.isZero();
  }

  private static Duration untilSendAt(NotificationSpec spec) {
    return Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), spec.sendAt());
  }

  NotificationResult finish(NotificationSpec spec, NotificationStatus status, String detail) {
    changeStatus(spec, status, detail);
    return progress.result(spec.id());
  }

  void changeStatus(NotificationSpec spec, NotificationStatus status, String detail) {
    show(status, detail);
    deliveryLog.recordStatus(spec.id(), status, detail);
  }

  /** A status the delivery log already has: the query, the search attribute and the current details. */
  void show(NotificationStatus status, String detail) {
    Workflow.upsertTypedSearchAttributes(HeraldSearchAttributes.STATUS.valueSet(status.name()));
    showUnindexed(status, detail);
  }

  /**
   * {@link #show} for the first status, without the search-attribute update when the workflow started
   * with that status ({@link NotificationStart}). Deterministic: the start's attributes are in the history.
   */
  void showFirst(NotificationStatus status) {
    if (status.name().equals(Workflow.getTypedSearchAttributes().get(HeraldSearchAttributes.STATUS))) {
      showUnindexed(status, null);
    } else {
      show(status, null);
    }
  }

  private void showUnindexed(NotificationStatus status, String detail) {
    progress.status(status, detail);
    Workflow.setCurrentDetails(detail == null ? status.name() : status + ": " + detail);
  }
}
