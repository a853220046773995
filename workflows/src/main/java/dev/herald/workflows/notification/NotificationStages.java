package dev.herald.workflows.notification;

import static dev.herald.workflows.messages.NotificationStatus.EXPIRED;
import static dev.herald.workflows.messages.NotificationStatus.PENDING_APPROVAL;
import static dev.herald.workflows.messages.NotificationStatus.REJECTED;
import static dev.herald.workflows.messages.NotificationStatus.SCHEDULED;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.TemporalUiText;
import dev.herald.workflows.approval.FourEyes;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The stages every notification passes before and after sending: approval when the audience is
 * large, the durable wait for {@code sendAt}, and each change of status (query, search attribute,
 * current details and delivery log at once).
 */
final class NotificationStages {

  /** Version marker: approval signals are checked (four-eyes, a known decision, an approver) before one is taken. */
  static final String CHECKED_APPROVAL = "checked-approval";

  /** The most of an approver's name a search attribute holds. */
  private static final int MOST_APPROVER_CHARS = 100;

  private final DeliveryLogActivities deliveryLog;
  private final Progress progress;
  private final Signals signals;
  /** Search attributes that go out with the next status change ({@link #note}). */
  private final List<SearchAttributeUpdate<?>> noted = new ArrayList<>();

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
    progress.details.waitsFor("an admin's approval or rejection until "
        + Instant.ofEpochMilli(Workflow.currentTimeMillis()).plus(spec.approval().timeout())
        + ", from neither the sender " + FourEyes.shown(spec.sender())
        + (spec.approval().requestedByKey() == null ? "" : " nor the requesting key " + spec.approval().requestedByKey()));
    Optional<ApprovalDecision> taken =
        Workflow.getVersion(CHECKED_APPROVAL, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
            ? awaitFirstSignal(spec)
            : awaitAllowedSignal(spec, waiting);
    if (taken.isEmpty()) {
      return Optional.of(new Refusal(EXPIRED, "no approval decision within " + spec.approval().timeout()));
    }
    var decision = taken.get();
    signals.carry(decision);
    if (decision.decidedBy() != null) {
      note(HeraldSearchAttributes.DECIDED_BY.valueSet(cut(decision.decidedBy())));
    }
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
      progress.details.waitsFor("its send time, " + spec.sendAt());
      sleep(untilSendAt(spec), "until the send time " + spec.sendAt());
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

  /**
   * A status the delivery log already has: the query, the search attribute and the current details. The
   * attributes {@linkplain #note noted} since the last change go in the same upsert.
   */
  void show(NotificationStatus status, String detail) {
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    updates.add(HeraldSearchAttributes.STATUS.valueSet(status.name()));
    updates.addAll(noted);
    noted.clear();
    Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
    showUnindexed(status, detail);
  }

  /**
   * A search attribute to set with the next status change (one always follows where this is called: a
   * group's recorded audience, a decision). Folded into the status's upsert, it adds no command, so
   * histories recorded before it replay as they did.
   */
  void note(SearchAttributeUpdate<?> update) {
    noted.add(update);
  }

  /** A durable timer the Temporal UI shows with {@code summary}; the same command as {@link Workflow#sleep}. */
  static void sleep(Duration duration, String summary) {
    Workflow.newTimer(duration, TimerOptions.newBuilder()
        .setSummary(TemporalUiText.clamp(summary, TemporalUiText.ENCRYPTED_SUMMARY_BYTES)).build()).get();
  }

  private static String cut(String name) {
    return name.length() <= MOST_APPROVER_CHARS ? name : name.substring(0, MOST_APPROVER_CHARS);
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
  }
}
