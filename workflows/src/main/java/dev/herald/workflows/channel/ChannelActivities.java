package dev.herald.workflows.channel;

import dev.herald.workflows.messages.BatchOutcome;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.ChannelCounts;
import io.temporal.activity.ActivityInterface;

/**
 * A channel's sends, in batches of an audience's members (a single send is a batch of one).
 * Registered on every channel's task queue ({@link ChannelDescriptor#taskQueue()}),
 * each with that channel's implementation. Permanent failures are thrown as non-retryable
 * {@code ApplicationFailure}s whose type is a {@code DeliveryErrorType} name and whose details are a
 * {@code DeliveryError}; transient ones are retried with the channel's policy.
 */
@ActivityInterface
public interface ChannelActivities {

  /**
   * One batch: the deliveries on this channel of the members numbered {@code fromSeq} to
   * {@code toSeq}. Idempotent per delivery through the delivery log: only deliveries still
   * PENDING are sent, claimed just before they are sent (so a cancelled notification, whose pending
   * deliveries are released, sends at most the claimed group in flight, one member wherever
   * {@link ChannelDescriptor#repeatHarm()} says a message reaches a person), and the outcomes are
   * recorded as they happen. A worker that dies mid-batch leaves at most the message being sent and
   * a few outcomes on their way to the log unrecorded, which the retry sends again with the same
   * delivery ids. A permanent failure or an opt-out is recorded and the batch goes on.
   * When some deliveries failed transiently they stay PENDING and the activity fails retryably, so
   * Temporal retries the batch (only those deliveries) with the channel's policy.
   *
   * @return the counts of the batch's whole range after this attempt
   */
  ChannelCounts sendBatch(BatchRequest batch);

  /**
   * {@link #sendBatch}, and members in their quiet hours are not sent now: their deliveries stay
   * PENDING with the time they may go ({@code DeliveryLogActivities#quietWait}), counted in
   * {@link BatchOutcome#deferred}. (sendBatch itself never defers: workflows from before quiet hours call it.)
   */
  BatchOutcome sendBatchAfterQuietHours(BatchRequest batch);
}
