package dev.herald.workflows.digest;

import dev.herald.workflows.messages.DigestCarry;
import dev.herald.workflows.messages.DigestEvent;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One recipient's digest of one sender and key ({@link DigestIds#workflowId}): collects the events
 * handed to it in windows and sends each window as one notification. Started by the first event
 * (update-with-start); it ends some time after its last window went out with nothing new.
 */
@WorkflowInterface
public interface DigestWorkflow {

  @WorkflowMethod
  void collect(DigestCarry carry);

  /** Takes an event into the open window (a repeat is taken once) and answers the id of the notification it goes out in. */
  @UpdateMethod(description = "Add a notification's event to this digest. Input: the event (its notification id, "
      + "recipient, template and variables). Answers the id of the digest notification that will list it; an event "
      + "already added answers the same id and is not listed again.")
  String add(DigestEvent event);
}
