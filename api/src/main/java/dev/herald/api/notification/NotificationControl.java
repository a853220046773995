package dev.herald.api.notification;

import dev.herald.activities.delivery.LoggedNotification;
import dev.herald.activities.delivery.NotificationHistory;
import dev.herald.api.security.Caller;
import dev.herald.workflows.approval.FourEyes;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.ApprovalSignal;
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
  private final NotificationHistory history;
  private final Clock clock;

  public NotificationControl(WorkflowClient client, NotificationHistory history, Clock clock) {
    this.client = client;
    this.history = history;
    this.clock = clock;
  }

  /**
   * Signals an admin's decision, recorded as the credential's: its sender identity and key prefix.
   * Refused when that admin asked for the send ({@link FourEyes}); the workflow checks the same again.
   */
  public ApprovalDecision decide(String id, Decision decision, String comment, Caller approver) {
    requireRunning(id);
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, id);
    NotificationStatus status = workflow.progress().status();
    if (status != NotificationStatus.PENDING_APPROVAL) {
      throw new NotificationStateException("notification " + id + " is not waiting for approval (status " + status + ")");
    }
    LoggedNotification requested = history.find(id).orElseThrow(() -> new NotificationStateException(
        "notification " + id + " is still being recorded"));
    ApprovalSignal signal = ApprovalSignal.of(decision, comment, approver.sender(), approver.keyPrefix());
    FourEyes.refusal(signal, requested.sender(), requested.requestedByKey()).ifPresent(reason -> {
      throw new FourEyesException(reason);
    });
    workflow.decide(signal);
    return new ApprovalDecision(decision, comment, approver.sender(), clock.instant(), approver.keyPrefix());
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
