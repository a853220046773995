package dev.herald.activities.deadletter;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeadLetterStatus;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dead letters for whoever shows and steers them (the API, the console): pages by filter, one with
 * its delivery's attempts, counts by channel and error code, and the status changes an admin makes.
 * A re-drive itself is a workflow ({@code RedriveWorkflow}); here it is only claimed.
 */
@Component
public class DeadLetters {

  private static final String COLUMNS = """
      id, kind, status, sender, channel, notification_id, delivery_id, recipient, error_code, error, outcome, redrives,
      topic, kafka_partition, kafka_offset, created_at, updated_at""";

  /** An event's origin and bytes, to publish again. */
  public record Event(String topic, byte[] key, byte[] value) {}

  private final JdbcClient jdbc;
  private final DeadLetterWrites writes;

  DeadLetters(NamedParameterJdbcOperations jdbc, DeadLetterWrites writes) {
    this.jdbc = JdbcClient.create(jdbc);
    this.writes = writes;
  }

  /** Newest first, {@code limit} from {@code offset}. */
  public List<DeadLetter> page(DeadLetterFilter filter, int limit, long offset) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String sql = "select " + COLUMNS + " from dead_letter" + where(filter, params)
        + " order by created_at desc, id desc limit :limit offset :offset";
    return jdbc.sql(sql).paramSource(params.addValue("limit", limit).addValue("offset", offset))
        .query(DeadLetters::deadLetter).list();
  }

  public Optional<DeadLetter> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from dead_letter where id = :id").param("id", id)
        .query(DeadLetters::deadLetter).optional();
  }

  /** Every failed attempt of the delivery, oldest first (its re-drives' too). */
  public List<DeliveryAttempt> attempts(String deliveryId) {
    return jdbc.sql("""
            select attempt, error_type, error_code, message, at from delivery_attempt
            where delivery_id = :id order by id""")
        .param("id", deliveryId)
        .query((row, n) -> new DeliveryAttempt(row.getInt("attempt"),
            row.getString("error_type") == null ? null : DeliveryErrorType.valueOf(row.getString("error_type")),
            row.getString("error_code"), row.getString("message"), instant(row.getTimestamp("at"))))
        .list();
  }

  /** Dead letters in {@code status} by kind, channel and error code, the largest first (the console's and metrics'). */
  public List<DeadLetterCount> counts(DeadLetterStatus status) {
    return jdbc.sql("""
            select kind, channel, error_code, count(*) as n from dead_letter where status = :status
            group by kind, channel, error_code order by n desc, kind, channel, error_code""")
        .param("status", status.name())
        .query((row, n) -> new DeadLetterCount(DeadLetterKind.valueOf(row.getString("kind")),
            row.getString("channel") == null ? null : Channel.valueOf(row.getString("channel")),
            row.getString("error_code"), row.getLong("n")))
        .list();
  }

  /** The ids of up to {@code limit} open dead letters the filter takes, oldest first (a bulk re-drive's). */
  public List<Long> openIds(DeadLetterFilter filter, int limit) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    String sql = "select id from dead_letter" + where(filter.open(), params) + " order by created_at, id limit :limit";
    return jdbc.sql(sql).paramSource(params.addValue("limit", limit)).query(Long.class).list();
  }

  /** OPEN to REDRIVING; false when it was not open. */
  public boolean claimForRedrive(long id) {
    return move(id, DeadLetterStatus.OPEN, DeadLetterStatus.REDRIVING, null) == 1;
  }

  /** REDRIVING back to OPEN: its re-drive could not be started. */
  public void release(long id) {
    move(id, DeadLetterStatus.REDRIVING, DeadLetterStatus.OPEN, null);
  }

  /** OPEN to DISCARDED; false when it was not open. */
  public boolean discard(long id) {
    boolean discarded = move(id, DeadLetterStatus.OPEN, DeadLetterStatus.DISCARDED, null) == 1;
    if (discarded) {
      jdbc.sql("select notification_id from dead_letter where id = :id and notification_id is not null")
          .param("id", id).query(String.class).optional().ifPresent(writes::releaseContent);
    }
    return discarded;
  }

  /** An event published again to its topic: REDRIVEN (a refusal again is a new dead letter). */
  public void eventRedriven(long id, String outcome) {
    move(id, DeadLetterStatus.REDRIVING, DeadLetterStatus.REDRIVEN, outcome);
  }

  public Optional<Event> event(long id) {
    return jdbc.sql("select topic, event_key, event_value from dead_letter where id = :id and kind = 'EVENT'")
        .param("id", id)
        .query((row, n) -> new Event(row.getString("topic"), row.getBytes("event_key"), row.getBytes("event_value")))
        .optional();
  }

  private int move(long id, DeadLetterStatus from, DeadLetterStatus to, String outcome) {
    return jdbc.sql("""
            update dead_letter set status = :to, outcome = coalesce(:outcome, outcome), updated_at = now(),
                                   redrives = redrives + case when :to = 'REDRIVING' then 1 else 0 end
            where id = :id and status = :from""")
        .param("to", to.name()).param("from", from.name()).param("outcome", outcome).param("id", id).update();
  }

  private static String where(DeadLetterFilter filter, MapSqlParameterSource params) {
    List<String> conditions = new ArrayList<>();
    condition(conditions, params, "status", filter.status() == null ? null : filter.status().name());
    condition(conditions, params, "kind", filter.kind() == null ? null : filter.kind().name());
    condition(conditions, params, "channel", filter.channel() == null ? null : filter.channel().name());
    condition(conditions, params, "error_code", filter.errorCode());
    condition(conditions, params, "sender", filter.sender());
    if (filter.since() != null) {
      conditions.add("created_at >= :since");
      params.addValue("since", Timestamp.from(filter.since()));
    }
    if (filter.until() != null) {
      conditions.add("created_at < :until");
      params.addValue("until", Timestamp.from(filter.until()));
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static void condition(List<String> conditions, MapSqlParameterSource params, String column, String value) {
    if (value != null) {
      conditions.add(column + " = :" + column);
      params.addValue(column, value);
    }
  }

  private static DeadLetter deadLetter(ResultSet row, int n) throws SQLException {
    String channel = row.getString("channel");
    return new DeadLetter(row.getLong("id"), DeadLetterKind.valueOf(row.getString("kind")),
        DeadLetterStatus.valueOf(row.getString("status")), row.getString("sender"),
        channel == null ? null : Channel.valueOf(channel), row.getString("notification_id"), row.getString("delivery_id"),
        row.getString("recipient"), row.getString("error_code"), row.getString("error"), row.getString("outcome"),
        row.getInt("redrives"), row.getString("topic"), (Integer) row.getObject("kafka_partition"),
        (Long) row.getObject("kafka_offset"), instant(row.getTimestamp("created_at")),
        instant(row.getTimestamp("updated_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
