package dev.herald.activities.events;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relay's side of the delivery events outbox: the oldest events, handed to a publisher in order
 * and deleted once it says they are published. One relay at a time, whichever process runs it: the
 * relay holds a PostgreSQL advisory lock for as long as it publishes, so two never publish the same
 * events in two orders.
 */
@Component
public class EventOutbox {

  /**
   * The relay's advisory lock, a pair of integers: PostgreSQL keeps those apart from the single 64-bit
   * keys of the other advisory locks (FrequencyCounter's hashes), so none can collide with it.
   */
  static final int RELAY_LOCK_SPACE = 0x4845_5241;
  static final int RELAY_LOCK = 1;

  static final String OLDEST = """
      select e.seq, e.type, e.notification_id, e.delivery_id, e.channel, e.status, e.provider_message_id,
             e.error_code, e.occurred_at, n.sender, n.priority,
             greatest(n.created_at, n.decided_at, n.send_at, d.not_before) as due_at
      from delivery_event e left join notification n on n.id = e.notification_id
        left join delivery d on d.id = e.delivery_id
      order by e.seq
      limit ?""";

  static final String DELETE_PUBLISHED = "delete from delivery_event where seq = any(?::bigint[])";

  /**
   * Takes the relay's lock and, for its transaction, rules out sequential scans. The outbox swings between
   * empty and a broadcast's events, so its statistics often describe a near-empty table, and a plan cached on
   * those (the whole table scanned for each read or delete) would be kept as the table fills.
   */
  private static final String LOCK = """
      select pg_try_advisory_xact_lock(?, ?) as locked, set_config('enable_seqscan', 'off', true)""";

  private final JdbcOperations jdbc;

  EventOutbox(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Hands the oldest {@code most} events, in order, to {@code publish}, which answers how many of the
   * first are published (all, or those before the first that failed); deletes those. Nothing when
   * another relay holds the lock: -1. A publisher that throws deletes nothing.
   */
  @Transactional
  public int relay(int most, ToIntFunction<List<DeliveryEvent>> publish) {
    if (!Boolean.TRUE.equals(jdbc.queryForObject(LOCK, (row, rowNumber) -> row.getBoolean("locked"),
        RELAY_LOCK_SPACE, RELAY_LOCK))) {
      return -1;
    }
    List<DeliveryEvent> oldest = jdbc.query(OLDEST, EventOutbox::event, most);
    if (oldest.isEmpty()) {
      return 0;
    }
    int published = Math.min(publish.applyAsInt(oldest), oldest.size());
    if (published > 0) {
      // by number, not "up to the last": an event committed meanwhile with a smaller number is not published yet
      Long[] seqs = oldest.subList(0, published).stream().map(DeliveryEvent::seq).toArray(Long[]::new);
      jdbc.update(DELETE_PUBLISHED, (Object) seqs);
    }
    return published;
  }

  /** Events waiting to be published. */
  public long backlog() {
    return jdbc.queryForObject("select count(*) from delivery_event", Long.class);
  }

  private static DeliveryEvent event(ResultSet row, int rowNumber) throws SQLException {
    String status = row.getString("status");
    String priority = row.getString("priority");
    java.sql.Timestamp dueAt = row.getTimestamp("due_at");
    return new DeliveryEvent(row.getLong("seq"), DeliveryEventType.valueOf(row.getString("type")),
        row.getString("notification_id"), row.getString("delivery_id"), Channel.valueOf(row.getString("channel")),
        status == null ? null : DeliveryStatus.valueOf(status), row.getString("sender"),
        row.getString("provider_message_id"), row.getString("error_code"),
        row.getTimestamp("occurred_at").toInstant(), priority == null ? null : Priority.valueOf(priority),
        dueAt == null ? null : dueAt.toInstant());
  }
}
