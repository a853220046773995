package dev.herald.activities.sending;

import dev.herald.activities.delivery.DeliveryCounts;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryStatus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's counts kept as it goes: the statuses its rows were loaded with, moved by the outcomes
 * it recorded. They are the log's own as long as nothing else touched the batch's rows meanwhile:
 * every delivery it meant to send was claimed by it, and none was skipped (a skip records only a
 * delivery still PENDING). Otherwise the log counts them.
 */
final class Tally {

  private final Map<DeliveryStatus, Integer> byStatus = new EnumMap<>(DeliveryStatus.class);
  private boolean exact = true;

  Tally(List<BatchItem> rows) {
    rows.forEach(row -> byStatus.merge(row.status(), 1, Integer::sum));
  }

  void claimed(boolean all) {
    exact &= all;
  }

  void skipped() {
    exact = false;
  }

  /** A PENDING delivery claimed by this batch ended with {@code status} (a retry leaves it PENDING). */
  void ended(BatchItem item, DeliveryStatus status) {
    byStatus.merge(item.status(), -1, Integer::sum);
    byStatus.merge(status, 1, Integer::sum);
  }

  boolean exact() {
    return exact;
  }

  ChannelCounts counts(Channel channel) {
    return DeliveryCounts.of(channel, byStatus);
  }
}
