package dev.herald.workflows.messages;

import java.util.List;

/**
 * A broadcast's audience, fixed when the notification is accepted: the group's members then
 * ({@code recipients}, numbered 0 to recipients - 1 in the delivery log) and the deliveries reserved
 * for them on each channel, in the notification's channel order.
 */
public record Audience(int recipients, List<ChannelCounts> channels) {

  public int deliveries() {
    return channels.stream().mapToInt(ChannelCounts::total).sum();
  }
}
