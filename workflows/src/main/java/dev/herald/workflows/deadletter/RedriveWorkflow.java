package dev.herald.workflows.deadletter;

import dev.herald.workflows.messages.RedriveOutcome;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One re-drive of a dead-lettered delivery: a new attempt under the same delivery id. Its workflow id is
 * {@link #workflowId}, so a second re-drive while one runs is refused by Temporal.
 */
@WorkflowInterface
public interface RedriveWorkflow {

  /** The workflow id of a delivery's re-drive. */
  static String workflowId(String deliveryId) {
    return "redrive-" + deliveryId;
  }

  @WorkflowMethod
  RedriveOutcome redrive(String deliveryId);
}
