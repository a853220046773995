package dev.herald.workflows.messages;

import java.util.ArrayList;
import java.util.List;

/**
 * Deliveries of one notification on one channel, by status: of a whole broadcast, or of one batch
 * of it. {@code sent} includes {@code delivered} (the part confirmed by receipts).
 */
public record ChannelCounts(
    Channel channel, int total, int pending, int sent, int delivered, int failed, int skipped, int cancelled) {

  public static ChannelCounts none(Channel channel) {
    return new ChannelCounts(channel, 0, 0, 0, 0, 0, 0, 0);
  }

  /** {@code deliveries} reserved and not sent yet. */
  public static ChannelCounts reserved(Channel channel, int deliveries) {
    return new ChannelCounts(channel, deliveries, deliveries, 0, 0, 0, 0, 0);
  }

  public ChannelCounts plus(ChannelCounts other) {
    return new ChannelCounts(channel, total + other.total, pending + other.pending, sent + other.sent,
        delivered + other.delivered, failed + other.failed, skipped + other.skipped, cancelled + other.cancelled);
  }

  /** Adds {@code addition} to the entry of its channel, keeping the list's order; a new channel goes last. */
  public static List<ChannelCounts> add(List<ChannelCounts> counts, ChannelCounts addition) {
    List<ChannelCounts> sum = new ArrayList<>(counts);
    for (int i = 0; i < sum.size(); i++) {
      if (sum.get(i).channel() == addition.channel()) {
        sum.set(i, sum.get(i).plus(addition));
        return sum;
      }
    }
    sum.add(addition);
    return sum;
  }
}
