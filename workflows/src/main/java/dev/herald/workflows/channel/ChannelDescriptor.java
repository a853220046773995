package dev.herald.workflows.channel;

import dev.herald.workflows.messages.Channel;
import io.temporal.activity.ActivityOptions;

/**
 * All the durable core knows of a channel: the task queue its sends run on, their timeouts and
 * retry policy, which recipient address it needs, whether its provider reports the end of a
 * delivery later (receipts), and how harmful a repeated send is. One per channel, in {@link Channels}.
 */
public record ChannelDescriptor(
    Channel channel, String taskQueue, ActivityOptions sendOptions, AddressKind address, boolean receipts,
    RepeatHarm repeatHarm) {

  public ChannelDescriptor {
    if (!taskQueue.equals(sendOptions.getTaskQueue())) {
      throw new IllegalArgumentException(channel + ": send options name queue " + sendOptions.getTaskQueue());
    }
  }
}
