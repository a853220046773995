package dev.herald.workflows.digest;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.DigestCarry;
import dev.herald.workflows.messages.DigestEvent;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;

/**
 * Adds an event to its recipient's digest with update-with-start: the running digest takes it, or a
 * new one starts with it (after an earlier one ended). Unlike signal-with-start it answers, so the
 * event's notification can name the digest it went into. The update id is the event's notification id.
 */
public final class DigestStarts {

  private DigestStarts() {}

  /** Answers the id of the digest notification that will list the event. */
  public static String add(WorkflowClient client, DigestEvent event) {
    DigestWorkflow digest = client.newWorkflowStub(DigestWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(DigestIds.workflowId(event.sender(), event.rule().key(), event.recipient().id()))
        .setTaskQueue(TaskQueues.NOTIFICATIONS)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .build());
    return WorkflowClient.executeUpdateWithStart(digest::add, event,
        UpdateOptions.newBuilder(String.class)
            .setUpdateId(event.notificationId())
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        new WithStartWorkflowOperation<>(digest::collect, DigestCarry.NONE));
  }
}
