package dev.herald.workflows.deadletter;

import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.RedriveOutcome;
import io.temporal.activity.ActivityInterface;

/** The dead letters' side of a re-drive, in the delivery log (PostgreSQL). Both methods are idempotent. */
@ActivityInterface
public interface DeadLetterActivities {

  /**
   * Takes an open dead letter's delivery back to PENDING, at once and only when it is FAILED without a
   * provider message id (a delivery the provider accepted after all is never sent again), and answers its
   * batch of one member, with what the notification sends as stored in PostgreSQL. Null when there is
   * nothing to send: the dead letter is not open (discarded, re-driven, or being re-driven by this same
   * workflow's earlier attempt, which then answers the same batch).
   */
  BatchRequest reopenDeadLetter(String deliveryId);

  /** After the send: the dead letter follows its delivery (REDRIVEN when it went or was skipped, OPEN when it failed again). */
  RedriveOutcome settleDeadLetter(String deliveryId);
}
