package dev.herald.activities.delivery;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.QuietWait;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.Reach;
import java.util.Arrays;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

/** Deliveries counted by channel and status: a broadcast batch's range, or a whole notification. */
@Component
public class DeliveryCounts {

  private final JdbcClient jdbc;

  DeliveryCounts(NamedParameterJdbcOperations jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
  }

  /** The deliveries on {@code channel} of the members numbered {@code fromSeq} (inclusive) to {@code toSeq}. */
  public ChannelCounts range(String notificationId, Channel channel, int fromSeq, int toSeq) {
    Map<DeliveryStatus, Integer> byStatus = new EnumMap<>(DeliveryStatus.class);
    jdbc.sql("""
            select status, count(*) as n from delivery
            where notification_id = :notificationId and channel = :channel
              and recipient_seq >= :fromSeq and recipient_seq < :toSeq
            group by status""")
        .param("notificationId", notificationId).param("channel", channel.name())
        .param("fromSeq", fromSeq).param("toSeq", toSeq)
        .query(row -> {
          byStatus.put(DeliveryStatus.valueOf(row.getString("status")), row.getInt("n"));
        });
    return of(channel, byStatus);
  }

  /** Every channel of the notification, in its channel order; empty when there is no such notification. */
  public List<ChannelCounts> byChannel(String notificationId) {
    List<Channel> channels = jdbc.sql("select channels from notification where id = :id").param("id", notificationId)
        .query(String.class).optional()
        .map(names -> Arrays.stream(names.split(",")).map(Channel::valueOf).toList())
        .orElse(List.of());
    return byChannel(notificationId, channels);
  }

  /**
   * One entry per channel of {@code channels}, in that order (zeros where nothing is logged), in one
   * query: an index range on the notification id and a hash aggregate, so a 100,000-member
   * broadcast's counts never load its rows.
   */
  public List<ChannelCounts> byChannel(String notificationId, List<Channel> channels) {
    Map<Channel, Map<DeliveryStatus, Integer>> counts = new EnumMap<>(Channel.class);
    jdbc.sql("select channel, status, count(*) as n from delivery where notification_id = :id group by channel, status")
        .param("id", notificationId)
        .query(row -> {
          counts.computeIfAbsent(Channel.valueOf(row.getString("channel")), c -> new EnumMap<>(DeliveryStatus.class))
              .put(DeliveryStatus.valueOf(row.getString("status")), row.getInt("n"));
        });
    return channels.stream().map(channel -> of(channel, counts.getOrDefault(channel, Map.of()))).toList();
  }

  /**
   * Units reached and not: by delivery, or by recipient (reached when any of its deliveries went
   * out, unreached when none did and one failed), one aggregate over the notification's rows.
   */
  public Reach reach(String notificationId, boolean byRecipient) {
    String units = byRecipient
        ? """
          select bool_or(status in ('SENT', 'DELIVERED')) as reached, bool_or(status = 'FAILED') as failed
          from delivery where notification_id = :id group by recipient_seq"""
        : """
          select status in ('SENT', 'DELIVERED') as reached, status = 'FAILED' as failed
          from delivery where notification_id = :id""";
    return jdbc.sql("select count(*) filter (where reached) as reached, count(*) filter (where not reached and failed)"
            + " as unreached from (" + units + ") units")
        .param("id", notificationId)
        .query((row, n) -> new Reach(row.getInt("reached"), row.getInt("unreached")))
        .single();
  }

  /**
   * The notification's skipped deliveries by channel and reason, the most frequent first, at most
   * {@code limit} reasons: one aggregate over its rows, as {@link #byChannel} is.
   */
  public List<SkipCount> skipped(String notificationId, int limit) {
    return jdbc.sql("""
            select channel, error_code, last_error, count(*) as n from delivery
            where notification_id = :id and status = 'SKIPPED'
            group by channel, error_code, last_error order by n desc, channel, error_code limit :limit""")
        .param("id", notificationId).param("limit", limit)
        .query((row, n) -> new SkipCount(Channel.valueOf(row.getString("channel")), row.getString("error_code"),
            row.getString("last_error"), row.getLong("n")))
        .list();
  }

  /** Deliveries on {@code channels} that are SENT: accepted by the provider, its receipt not come yet. */
  public int sent(String notificationId, List<String> channels) {
    if (channels.isEmpty()) {
      return 0;
    }
    return jdbc.sql("select count(*) from delivery where notification_id = :id and status = 'SENT'"
            + " and channel in (:channels)")
        .param("id", notificationId).param("channels", channels)
        .query(Integer.class).single();
  }

  /** {@code sent} includes {@code delivered}, as the API's counts do. */
  /**
   * The notification's PENDING deliveries held back for quiet hours: how many, the earliest time one
   * may go, and the numbers of the batches (of {@code batchSize} members) that hold them.
   */
  public QuietWait quietWait(String notificationId, int batchSize) {
    return jdbc.sql("""
            with held as (
              select recipient_seq / :size as batch, not_before from delivery
              where notification_id = :id and status = 'PENDING' and not_before is not null)
            select (select count(*) from held) as deliveries, (select min(not_before) from held) as earliest,
                   array(select distinct batch from held order by batch) as batches""")
        .param("id", notificationId).param("size", batchSize)
        .query((rs, n) -> rs.getInt("deliveries") == 0 ? QuietWait.NONE
            : new QuietWait(rs.getInt("deliveries"), rs.getTimestamp("earliest").toInstant(),
                Arrays.stream((Integer[]) rs.getArray("batches").getArray()).toList()))
        .single();
  }

  /** How many of the notification's members acknowledged none of {@code channels} (delivered, or an in-app item read). */
  public int unacknowledged(String notificationId, List<Channel> channels) {
    return jdbc.sql("""
            select count(distinct d.recipient_seq) from delivery d
            where d.notification_id = :id and not exists (
              select 1 from delivery a left join inbox_item i on i.delivery_id = a.id
              where a.notification_id = :id and a.recipient_seq = d.recipient_seq and a.channel in (:channels)
                and (a.status = 'DELIVERED' or i.read_at is not null))""")
        .param("id", notificationId).param("channels", channels.stream().map(Channel::name).toList())
        .query(Integer.class).single();
  }

  public static ChannelCounts of(Channel channel, Map<DeliveryStatus, Integer> byStatus) {
    int delivered = byStatus.getOrDefault(DeliveryStatus.DELIVERED, 0);
    return new ChannelCounts(channel, byStatus.values().stream().mapToInt(Integer::intValue).sum(),
        byStatus.getOrDefault(DeliveryStatus.PENDING, 0), byStatus.getOrDefault(DeliveryStatus.SENT, 0) + delivered,
        delivered, byStatus.getOrDefault(DeliveryStatus.FAILED, 0), byStatus.getOrDefault(DeliveryStatus.SKIPPED, 0),
        byStatus.getOrDefault(DeliveryStatus.CANCELLED, 0));
  }
}
