package dev.herald.workflows.messages;

import java.util.List;

/**
 * A notification's audience, fixed when it is accepted: its members (the request's recipients, or
 * the group's members then), numbered 0 to recipients - 1 in the delivery log, and the deliveries
 * reserved for them on each channel, in the notification's channel order.
 *
 * @param refusal why the delivery log could not record the audience (the notification is recorded
 *     as FAILED with it, without deliveries); null when it was recorded
 */
public record Audience(int recipients, List<ChannelCounts> channels, String refusal) {

  public Audience(int recipients, List<ChannelCounts> channels) {
    this(recipients, channels, null);
  }

  /** No audience: the log refused it, for {@code reason}. */
  public static Audience refused(String reason) {
    return new Audience(0, List.of(), reason);
  }

  public int deliveries() {
    return channels.stream().mapToInt(ChannelCounts::total).sum();
  }
}
