package dev.herald.workflows.channel;

import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.OutgoingMessage;
import dev.herald.workflows.messages.ProviderReceipt;
import io.temporal.activity.ActivityInterface;

/**
 * A channel's sends. Registered on every channel's task queue ({@link ChannelDescriptor#taskQueue()}),
 * each with that channel's implementation. Permanent failures are thrown as non-retryable
 * {@code ApplicationFailure}s whose type is a {@code DeliveryErrorType} name and whose details are a
 * {@code DeliveryError}; transient ones are retried with the channel's policy.
 */
@ActivityInterface
public interface ChannelActivities {

  /** One message to one recipient address. */
  ProviderReceipt send(OutgoingMessage message);

  /**
   * One batch of a broadcast. Idempotent per delivery through the delivery log: only deliveries still
   * PENDING are sent, claimed just before they are sent (so a cancelled broadcast, whose pending
   * deliveries are released, sends at most the group in flight), a group at a time whose size
   * follows {@link ChannelDescriptor#repeatHarm()}. A worker that dies mid-batch leaves at most one
   * group sent but not recorded, which the retry sends again with the same delivery ids. A permanent failure or an opt-out is recorded and the batch goes on.
   * When some deliveries failed transiently they stay PENDING and the activity fails retryably, so
   * Temporal retries the batch (only those deliveries) with the channel's policy.
   *
   * @return the counts of the batch's whole range after this attempt
   */
  ChannelCounts sendBatch(BatchRequest batch);
}
