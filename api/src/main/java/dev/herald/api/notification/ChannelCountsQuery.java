package dev.herald.api.notification;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A notification's deliveries counted by channel and status in one query over the delivery log (an
 * index range on the notification id, then a hash aggregate), so a 100,000-member broadcast's
 * detail view costs one pass over its rows and never loads them. (Not named DeliveryCounts: the
 * activities module has a bean of that name, whose {@code byChannel} is the same count plus a lookup
 * of the channels, which the reader has already loaded.)
 */
@Component
class ChannelCountsQuery {

  static final String BY_CHANNEL_AND_STATUS = """
      select channel, status, count(*) as count from delivery
      where notification_id = :id group by channel, status""";

  private final NamedParameterJdbcTemplate jdbc;

  ChannelCountsQuery(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One entry per channel of {@code channels}, in that order (zeros where nothing is logged yet), then any other. */
  List<ChannelCounts> byChannel(String notificationId, List<Channel> channels) {
    Map<Channel, ChannelCounts> counts = new EnumMap<>(Channel.class);
    channels.forEach(c -> counts.put(c, ChannelCounts.none(c)));
    jdbc.query(BY_CHANNEL_AND_STATUS, Map.of("id", notificationId), row -> {
      Channel channel = Channel.valueOf(row.getString("channel"));
      ChannelCounts some = of(channel, DeliveryStatus.valueOf(row.getString("status")), row.getInt("count"));
      counts.merge(channel, some, ChannelCounts::plus);
    });
    List<ChannelCounts> ordered = new ArrayList<>(counts.size());
    channels.forEach(c -> ordered.add(counts.remove(c)));
    ordered.addAll(counts.values());
    return ordered;
  }

  /** The overall counts: the sum over channels. */
  static NotificationView.Counts total(List<ChannelCounts> channels) {
    ChannelCounts all = channels.stream().reduce(ChannelCounts.none(null), ChannelCounts::plus);
    return new NotificationView.Counts(all.total(), all.pending(), all.sent(), all.delivered(), all.failed(),
        all.skipped(), all.cancelled(), channels);
  }

  /** {@code sent} includes {@code delivered}, as in the workflow's own counts. */
  private static ChannelCounts of(Channel channel, DeliveryStatus status, int n) {
    return switch (status) {
      case PENDING -> new ChannelCounts(channel, n, n, 0, 0, 0, 0, 0);
      case SENT -> new ChannelCounts(channel, n, 0, n, 0, 0, 0, 0);
      case DELIVERED -> new ChannelCounts(channel, n, 0, n, n, 0, 0, 0);
      case FAILED -> new ChannelCounts(channel, n, 0, 0, 0, n, 0, 0);
      case SKIPPED -> new ChannelCounts(channel, n, 0, 0, 0, 0, n, 0);
      case CANCELLED -> new ChannelCounts(channel, n, 0, 0, 0, 0, 0, n);
    };
  }
}
