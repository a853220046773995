package dev.herald.workflows.notification;

import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.NotificationProgress;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One notification, from acceptance to its last delivery. The workflow id is {@link NotificationIds}.
 * The descriptions are what the Temporal CLI ({@code temporal workflow metadata}) and UI show.
 */
@WorkflowInterface
public interface NotificationWorkflow {

  @WorkflowMethod
  NotificationResult send(NotificationSpec spec);

  /** An admin's decision on a send waiting for approval; the first allowed one counts, a refused one is shown. */
  @SignalMethod(description = "Approve or reject a send waiting for approval (PENDING_APPROVAL). Input, as the REST "
      + "approval's body: {\"decision\":\"APPROVE\"|\"REJECT\",\"approver\":\"<who decides>\",\"comment\":\"<why>\"}. "
      + "Refused, and shown in the notification's status detail, without a known decision or an approver, or when "
      + "the approver is the notification's sender (four-eyes). The first allowed decision counts.")
  void decide(ApprovalSignal decision);

  /** Start no new batch until {@link #resume()}; the batches in flight finish. */
  @SignalMethod(description = "Pause a broadcast: no new batch starts until resume; the batches in flight finish. "
      + "No input.")
  void pause();

  @SignalMethod(description = "Resume a paused broadcast. No input.")
  void resume();

  @QueryMethod(description = "The notification's status and detail, its delivery counts (total, pending, sent, "
      + "delivered, failed, skipped, cancelled) in all and per channel, and the approval decision taken.")
  NotificationProgress progress();
}
