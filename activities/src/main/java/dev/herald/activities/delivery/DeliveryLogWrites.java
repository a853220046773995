package dev.herald.activities.delivery;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryOutcome;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.PlannedDelivery;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * The delivery log's writes that every notification makes: its row, its deliveries, its status
 * changes and each delivery's outcome. They go straight to JDBC with positional parameters, each
 * one statement: through Spring Data repository methods (and a transaction around the first two)
 * they were a fifth of the CPU of a single send. Every write is idempotent, as Temporal may retry it.
 */
@Component
public class DeliveryLogWrites {

  private static final String INSERT_NOTIFICATION = """
      insert into notification (id, idempotency_key, sender, channels, priority, status, subject,
                                recipient_count, send_at, template_key, template_version, group_key, created_at,
                                updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
      on conflict (id) do nothing""";

  /**
   * The notification and its PENDING deliveries (parallel arrays of ids, channels and addresses) in
   * one statement, so atomic without a transaction; a repeat inserts nothing.
   */
  private static final String ACCEPT = "with accepted as (" + INSERT_NOTIFICATION + """
      )
      insert into delivery (id, notification_id, channel, recipient, status, attempts, updated_at)
      select d.id, ?, d.channel, d.recipient, 'PENDING', 0, now()
      from unnest(?::text[], ?::text[], ?::text[]) as d(id, channel, recipient)
      on conflict (id) do nothing""";

  private static final String UPDATE_STATUS =
      "update notification set status = ?, status_detail = ?, updated_at = now() where id = ?";

  /** A final outcome already recorded is never overwritten by a retry. */
  private static final String RECORD_OUTCOME = """
      update delivery set status = ?, attempts = ?, provider_message_id = ?, error_code = ?, last_error = ?,
                          updated_at = now()
      where id = ? and status = 'PENDING'""";

  /** {@link #RECORD_OUTCOME} of a delivery and {@link #UPDATE_STATUS} of its notification, in one statement. */
  private static final String RECORD_OUTCOME_AND_STATUS = "with recorded as (" + RECORD_OUTCOME + ") " + UPDATE_STATUS;

  private final JdbcOperations jdbc;

  DeliveryLogWrites(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** The notification's row, ACCEPTED; 1 when inserted, 0 when it was already there. */
  int insertNotification(NotificationSpec spec, int recipientCount) {
    return jdbc.update(INSERT_NOTIFICATION, notificationColumns(spec, recipientCount, NotificationStatus.ACCEPTED));
  }

  /** The notification's row, in {@code status}, and a PENDING row per planned delivery. */
  void accept(NotificationSpec spec, List<PlannedDelivery> planned, NotificationStatus status) {
    Object[] notification = notificationColumns(spec, spec.recipients().size(), status);
    Object[] args = new Object[notification.length + 4];
    System.arraycopy(notification, 0, args, 0, notification.length);
    args[notification.length] = spec.id();
    args[notification.length + 1] = planned.stream().map(PlannedDelivery::id).toArray(String[]::new);
    args[notification.length + 2] = planned.stream().map(d -> d.channel().name()).toArray(String[]::new);
    args[notification.length + 3] = planned.stream().map(PlannedDelivery::address).toArray(String[]::new);
    jdbc.update(ACCEPT, args);
  }

  void updateStatus(String notificationId, String status, String detail) {
    jdbc.update(UPDATE_STATUS, status, text(detail), notificationId);
  }

  /** A delivery's final outcome; nothing when it already has one. */
  public void recordOutcome(DeliveryOutcome outcome) {
    jdbc.update(RECORD_OUTCOME, outcome.status().name(), outcome.attempts(), text(outcome.providerMessageId()),
        text(outcome.errorCode()), text(outcome.lastError()), outcome.deliveryId());
  }

  /** A delivery's final outcome (nothing when it already has one) and its notification's status. */
  void recordOutcomeAndStatus(DeliveryOutcome outcome, String notificationId, String status, String detail) {
    jdbc.update(RECORD_OUTCOME_AND_STATUS, outcome.status().name(), outcome.attempts(),
        text(outcome.providerMessageId()), text(outcome.errorCode()), text(outcome.lastError()), outcome.deliveryId(),
        status, text(detail), notificationId);
  }

  private static Object[] notificationColumns(NotificationSpec spec, int recipientCount, NotificationStatus status) {
    String channels = spec.channels().stream().map(Channel::name).collect(Collectors.joining(","));
    String subject = spec.content() == null ? null : spec.content().subject();
    var template = spec.template();
    return new Object[] {spec.id(), spec.idempotencyKey(), spec.sender(), channels, spec.priority().name(),
        status.name(), text(subject), recipientCount, timestamp(spec.sendAt()),
        text(template == null ? null : template.key()),
        new SqlParameterValue(Types.INTEGER, template == null ? null : template.version()), text(spec.group()),
        timestamp(spec.acceptedAt())};
  }

  /*
   * Values that may be null carry their SQL type: for an untyped null, Spring asks the driver for the
   * parameter's type, which PostgreSQL's driver answers with a round trip of its own.
   */

  private static SqlParameterValue text(String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }

  private static SqlParameterValue timestamp(Instant instant) {
    return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE,
        instant == null ? null : instant.atOffset(ZoneOffset.UTC));
  }
}
