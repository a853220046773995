package dev.herald.workflows.broadcast;

import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.ChannelCounts;
import io.temporal.activity.ActivityInterface;

/**
 * Sends one batch of a broadcast. Registered on every channel's task queue, each with that channel's
 * implementation; the workflow picks the queue by {@link BatchRequest#channel()}.
 *
 * <p>Idempotent per delivery through the delivery log: only deliveries still PENDING are sent, each
 * claimed just before its send (so a cancelled broadcast, whose pending deliveries are released,
 * sends nothing more) and recorded right after it. A permanent failure or an opt-out is recorded
 * and the batch goes on. When some deliveries failed transiently they stay PENDING and the activity
 * fails retryably, so Temporal retries the batch (only those deliveries) with the channel's policy.
 *
 * @return the counts of the batch's whole range after this attempt
 */
@ActivityInterface
public interface BroadcastActivities {

  ChannelCounts sendBatch(BatchRequest batch);
}
