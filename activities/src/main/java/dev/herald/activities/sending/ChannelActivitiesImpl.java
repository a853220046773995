package dev.herald.activities.sending;

import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.OutgoingMessage;
import dev.herald.workflows.messages.ProviderReceipt;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

/** One channel's activities on its task queue: single sends and broadcast batches, both through its adapter. */
final class ChannelActivitiesImpl implements ChannelActivities {

  static final String WRONG_CHANNEL = "WRONG_CHANNEL";

  private final ChannelAdapter adapter;
  private final BatchSender batches;

  ChannelActivitiesImpl(ChannelAdapter adapter, BatchSender batches) {
    this.adapter = adapter;
    this.batches = batches;
  }

  @Override
  public ProviderReceipt send(OutgoingMessage message) {
    requireOwn(message.channel());
    return adapter.send(message, Activity.getExecutionContext().getInfo().getAttempt());
  }

  @Override
  public ChannelCounts sendBatch(BatchRequest batch) {
    requireOwn(batch.channel());
    return batches.sendBatch(batch);
  }

  private void requireOwn(Channel channel) {
    if (channel != adapter.channel()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "a " + channel + " send reached the " + adapter.channel() + " queue", WRONG_CHANNEL);
    }
  }
}
