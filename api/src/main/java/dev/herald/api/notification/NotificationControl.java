package dev.herald.api.notification;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.notification.NotificationWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Steers a running notification: an admin's approval decision, pausing and resuming its sends, or cancellation. */
@Service
public class NotificationControl {

  private final WorkflowClient client;
  private final Clock clock;

  public NotificationControl(WorkflowClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public ApprovalDecision decide(String id, Decision decision, String comment, String decidedBy) {
    requireRunning(id);
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, id);
    NotificationStatus status = workflow.progress().status();
    if (status != NotificationStatus.PENDING_APPROVAL) {
      throw new NotificationStateException("notification " + id + " is not waiting for approval (status " + status + ")");
    }
    ApprovalDecision approval = new ApprovalDecision(decision, comment, decidedBy, clock.instant());
    workflow.decide(approval);
    return approval;
  }

  public void cancel(String id) {
    requireRunning(id);
    client.newUntypedWorkflowStub(id).cancel();
  }

  /** The notification starts no new batch until resumed; the batches in flight finish. */
  public void pause(String id) {
    requireRunning(id);
    client.newWorkflowStub(NotificationWorkflow.class, id).pause();
  }

  public void resume(String id) {
    requireRunning(id);
    client.newWorkflowStub(NotificationWorkflow.class, id).resume();
  }

  private void requireRunning(String id) {
    WorkflowExecutionStatus status;
    try {
      status = client.newUntypedWorkflowStub(id).describe().getStatus();
    } catch (WorkflowNotFoundException e) {
      throw new NotificationNotFoundException(id);
    }
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      throw new NotificationStateException("notification " + id + " has already finished");
    }
  }
}
