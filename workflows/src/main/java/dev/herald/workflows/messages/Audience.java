package dev.herald.workflows.messages;

import java.util.List;

/**
 * A notification's audience, fixed when it is accepted: its members (the request's recipients, or
 * the group's members then), numbered 0 to recipients - 1 in the delivery log, and the deliveries
 * reserved for them on each channel, in the notification's channel order.
 */
public record Audience(int recipients, List<ChannelCounts> channels) {

  public int deliveries() {
    return channels.stream().mapToInt(ChannelCounts::total).sum();
  }
}
