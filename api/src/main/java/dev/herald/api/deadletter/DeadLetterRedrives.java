package dev.herald.api.deadletter;

import dev.herald.activities.deadletter.DeadLetter;
import dev.herald.activities.deadletter.DeadLetterFilter;
import dev.herald.activities.deadletter.DeadLetterKind;
import dev.herald.activities.deadletter.DeadLetters;
import dev.herald.api.ingest.EventRepublisher;
import dev.herald.api.notification.TemporalUnavailableException;
import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.deadletter.RedriveWorkflow;
import dev.herald.workflows.messages.DeadLetterStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * An admin's re-drives and discards. A delivery's re-drive is claimed (OPEN to REDRIVING) and started as a
 * {@link RedriveWorkflow} whose id follows from the delivery id, so a second one while it runs is refused by
 * Temporal and is a no-op here; a re-drive left REDRIVING without its workflow (the API died in between)
 * starts it on the next call. An event's re-drive publishes its bytes to its topic again, where the door's
 * rules (and its idempotency key) apply as to any event.
 */
@Service
public class DeadLetterRedrives {

  private final DeadLetters deadLetters;
  private final WorkflowClient client;
  private final EventRepublisher events;

  DeadLetterRedrives(DeadLetters deadLetters, WorkflowClient client, EventRepublisher events) {
    this.deadLetters = deadLetters;
    this.client = client;
    this.events = events;
  }

  /** One dead letter re-driven (or already being re-driven); its state after the call. */
  public DeadLetter redrive(long id) {
    DeadLetter letter = find(id);
    switch (letter.status()) {
      case DISCARDED -> throw new DeadLetterStateException("dead letter " + id + " was discarded");
      case REDRIVEN -> throw new DeadLetterStateException("dead letter " + id + " was re-driven already: "
          + letter.outcome());
      case OPEN -> {
        if (!deadLetters.claimForRedrive(id)) {
          return redriveAgain(id);
        }
        start(letter, true);
      }
      case REDRIVING -> start(letter, false);
    }
    return find(id);
  }

  /** Up to {@code limit} open dead letters the filter takes, oldest first. */
  public BulkRedrive redriveAll(DeadLetterFilter filter, int limit) {
    List<Long> ids = deadLetters.openIds(filter, limit + 1);
    List<Long> redriven = new ArrayList<>();
    for (Long id : ids.subList(0, Math.min(limit, ids.size()))) {
      if (deadLetters.claimForRedrive(id)) {
        start(find(id), true);
        redriven.add(id);
      }
    }
    return new BulkRedrive(redriven, ids.size() > limit);
  }

  /** Put aside for good; a repeat is a no-op, a dead letter being or already re-driven cannot be. */
  public DeadLetter discard(long id) {
    DeadLetter letter = find(id);
    if (letter.status() != DeadLetterStatus.DISCARDED && !deadLetters.discard(id)) {
      throw new DeadLetterStateException("dead letter " + id + " is " + find(id).status() + ": only an open one can be discarded");
    }
    return find(id);
  }

  /** Another call claimed it meanwhile: what it is now decides, as for any call. */
  private DeadLetter redriveAgain(long id) {
    DeadLetter now = find(id);
    if (now.status() == DeadLetterStatus.OPEN) {
      throw new DeadLetterStateException("dead letter " + id + " changed while it was claimed; try again");
    }
    return redrive(id);
  }

  private void start(DeadLetter letter, boolean claimed) {
    try {
      if (letter.kind() == DeadLetterKind.EVENT) {
        DeadLetters.Event event = deadLetters.event(letter.id()).orElseThrow();
        events.publish(event.topic(), event.key(), event.value());
        deadLetters.eventRedriven(letter.id(), "published again to " + event.topic());
        return;
      }
      WorkflowClient.start(client.newWorkflowStub(RedriveWorkflow.class, options(letter))::redrive, letter.deliveryId());
    } catch (WorkflowExecutionAlreadyStarted inFlight) {
      // a re-drive of this delivery runs: this one is a no-op
    } catch (WorkflowServiceException | EventRepublisher.PublishException unavailable) {
      if (claimed) {
        deadLetters.release(letter.id());
      }
      throw new TemporalUnavailableException("the workflow service or Kafka is unavailable; dead letter " + letter.id()
          + " was not re-driven, try again", unavailable);
    }
  }

  private static WorkflowOptions options(DeadLetter letter) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(RedriveWorkflow.workflowId(letter.deliveryId()))
        .setTaskQueue(TaskQueues.NOTIFICATIONS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setStaticSummary("re-drive of dead letter " + letter.id() + " (" + letter.channel() + ")")
        .build();
  }

  private DeadLetter find(long id) {
    return deadLetters.find(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
  }
}
