package dev.herald.workflows.notification;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.NotificationProgress;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One notification, from acceptance to its last delivery. The workflow id is {@link NotificationIds}. */
@WorkflowInterface
public interface NotificationWorkflow {

  @WorkflowMethod
  NotificationResult send(NotificationSpec spec);

  /** An admin's decision on a send waiting for approval; only the first decision counts. */
  @SignalMethod
  void decide(ApprovalDecision decision);

  /** Start no new batch until {@link #resume()}; the batches in flight finish. */
  @SignalMethod
  void pause();

  @SignalMethod
  void resume();

  @QueryMethod
  NotificationProgress progress();
}
