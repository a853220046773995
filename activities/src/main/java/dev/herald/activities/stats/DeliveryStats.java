package dev.herald.activities.stats;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Priority;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delivery log's figures for a window, for the stats endpoint and the console's overview: outcomes,
 * failure rate and time to deliver per channel and priority, and outcomes per minute. Each query reads one
 * range of V26's {@code delivery_status_at} index from {@code since} (every outcome in the window has
 * {@code status_at >= since}), so it costs what the window holds, not what the log holds.
 */
@Component
public class DeliveryStats {

  /** The time a delivery's notification could go: accepted, approved or its send time, whichever is last. */
  private static final String READY = "greatest(n.created_at, n.send_at, n.decided_at)";

  private static final String BY_CHANNEL_AND_PRIORITY = """
      select d.channel, n.priority,
             count(*) filter (where d.sent_at >= :since and d.sent_at < :until) as sent,
             count(*) filter (where d.status = 'DELIVERED' and d.status_at < :until) as delivered,
             count(*) filter (where d.status = 'FAILED' and d.status_at < :until) as failed,
             count(*) filter (where d.status = 'FAILED' and d.status_at < :until and d.sent_at is null) as failed_unsent,
             count(*) filter (where d.status = 'SKIPPED' and d.status_at < :until) as skipped,
             count(*) filter (where d.status = 'CANCELLED' and d.status_at < :until) as cancelled,
             percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from d.sent_at - %1$s))
               filter (where d.sent_at >= :since and d.sent_at < :until) as to_provider,
             percentile_cont(array[0.5, 0.99]) within group (order by extract(epoch from d.status_at - %1$s))
               filter (where d.status = 'DELIVERED' and d.status_at < :until) as to_receipt
      from delivery d join notification n on n.id = d.notification_id
      where d.status_at >= :since and d.status <> 'PENDING'
      group by d.channel, n.priority""".formatted(READY);

  private static final String DEAD_LETTERED = """
      select l.channel, n.priority, count(*) as n from dead_letter l join notification n on n.id = l.notification_id
      where l.kind = 'DELIVERY' and l.created_at >= :since and l.created_at < :until
      group by l.channel, n.priority""";

  /** A delivery's outcomes as (outcome, time) pairs: its sending, and its final status's. */
  private static final String PER_MINUTE = """
      select date_trunc('minute', e.at) as minute, d.channel, e.outcome, count(*) as n
      from delivery d cross join lateral (values ('SENT', d.sent_at), (d.status,
          case when d.status in ('DELIVERED', 'FAILED', 'SKIPPED', 'CANCELLED') then d.status_at end)) as e(outcome, at)
      where d.status_at >= :since and e.at >= :since and e.at < :until
      group by 1, 2, 3
      union all
      select date_trunc('minute', created_at), channel, 'DEAD_LETTERED', count(*) from dead_letter
      where kind = 'DELIVERY' and created_at >= :since and created_at < :until
      group by 1, 2
      order by 1, 2, 3""";

  private final JdbcClient jdbc;

  DeliveryStats(NamedParameterJdbcOperations jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
  }

  /** Every channel and priority with an outcome in [since, until), by channel then priority. */
  public List<ChannelPriorityStats> byChannelAndPriority(Instant since, Instant until) {
    Map<List<String>, Long> deadLettered = new HashMap<>();
    window(DEAD_LETTERED, since, until).query(row -> {
      deadLettered.put(List.of(row.getString("channel"), row.getString("priority")), row.getLong("n"));
    });
    return window(BY_CHANNEL_AND_PRIORITY, since, until)
        .query((row, n) -> stats(row, deadLettered.getOrDefault(List.of(row.getString("channel"),
            row.getString("priority")), 0L)))
        .list().stream()
        .filter(s -> s.sent() + s.delivered() + s.failed() + s.skipped() + s.cancelled() + s.deadLettered() > 0)
        .sorted(Comparator.comparing(ChannelPriorityStats::channel).thenComparing(ChannelPriorityStats::priority))
        .toList();
  }

  /** Outcomes per minute of [since, until) and channel, oldest first; minutes without any are left out. */
  public List<MinuteCount> perMinute(Instant since, Instant until) {
    return window(PER_MINUTE, since, until)
        .query((row, n) -> new MinuteCount(row.getObject("minute", OffsetDateTime.class).toInstant(),
            Channel.valueOf(row.getString("channel")), StatsOutcome.valueOf(row.getString("outcome")), row.getLong("n")))
        .list();
  }

  private JdbcClient.StatementSpec window(String sql, Instant since, Instant until) {
    return jdbc.sql(sql).param("since", since.atOffset(ZoneOffset.UTC)).param("until", until.atOffset(ZoneOffset.UTC));
  }

  private static ChannelPriorityStats stats(ResultSet row, long deadLettered) throws SQLException {
    long sent = row.getLong("sent");
    long delivered = row.getLong("delivered");
    long failed = row.getLong("failed");
    // tried: accepted by the provider, or failed before it did; a receipt's failure was sent first
    long tried = Math.max(sent + row.getLong("failed_unsent"), failed);
    return new ChannelPriorityStats(Channel.valueOf(row.getString("channel")), Priority.valueOf(row.getString("priority")),
        sent, delivered, failed, row.getLong("skipped"), row.getLong("cancelled"), deadLettered, tried,
        tried == 0 ? null : (double) failed / tried, time(sent, row.getArray("to_provider")),
        time(delivered, row.getArray("to_receipt")));
  }

  /** Percentiles in seconds (a PostgreSQL array of two) as milliseconds. */
  private static TimeToDeliver time(long count, Array percentiles) throws SQLException {
    if (count == 0 || percentiles == null) {
      return TimeToDeliver.NONE;
    }
    Double[] seconds = (Double[]) percentiles.getArray();
    return new TimeToDeliver(count, millis(seconds[0]), millis(seconds[1]));
  }

  private static Long millis(Double seconds) {
    return seconds == null ? null : Math.max(0, Math.round(seconds * 1000));
  }
}
