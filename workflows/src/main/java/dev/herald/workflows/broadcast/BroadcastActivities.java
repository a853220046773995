package dev.herald.workflows.broadcast;

import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.ChannelCounts;
import io.temporal.activity.ActivityInterface;

/**
 * Sends one batch of a broadcast. Registered on every channel's task queue, each with that channel's
 * implementation; the workflow picks the queue by {@link BatchRequest#channel()}.
 *
 * <p>Idempotent per delivery through the delivery log: only deliveries still PENDING are sent,
 * claimed a small group at a time just before they are sent (so a cancelled broadcast, whose pending
 * deliveries are released, sends at most the rest of the group in flight) and recorded with the
 * claim of the next group. A worker that dies mid-batch leaves at most one group sent but not
 * recorded, which the retry sends again with the same delivery ids. A permanent failure or an
 * opt-out is recorded and the batch goes on. When some deliveries failed transiently they stay PENDING and the activity
 * fails retryably, so Temporal retries the batch (only those deliveries) with the channel's policy.
 *
 * @return the counts of the batch's whole range after this attempt
 */
@ActivityInterface
public interface BroadcastActivities {

  ChannelCounts sendBatch(BatchRequest batch);
}
