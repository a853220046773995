package dev.herald.activities.sending;

import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.messages.BatchOutcome;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.ChannelCounts;
import io.temporal.failure.ApplicationFailure;

/** One channel's activities on its task queue: its batches, sent through its adapter. */
final class ChannelActivitiesImpl implements ChannelActivities {

  static final String WRONG_CHANNEL = "WRONG_CHANNEL";

  private final ChannelAdapter adapter;
  private final BatchSender batches;

  ChannelActivitiesImpl(ChannelAdapter adapter, BatchSender batches) {
    this.adapter = adapter;
    this.batches = batches;
  }

  @Override
  public ChannelCounts sendBatch(BatchRequest batch) {
    requireOwnChannel(batch);
    return batches.sendBatch(batch);
  }

  @Override
  public BatchOutcome sendBatchAfterQuietHours(BatchRequest batch) {
    requireOwnChannel(batch);
    return batches.sendBatch(batch, true);
  }

  private void requireOwnChannel(BatchRequest batch) {
    if (batch.channel() != adapter.channel()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "a " + batch.channel() + " batch reached the " + adapter.channel() + " queue", WRONG_CHANNEL);
    }
  }
}
