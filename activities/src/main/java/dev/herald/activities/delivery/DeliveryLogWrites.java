package dev.herald.activities.delivery;

import dev.herald.activities.deadletter.DeadLetterWrites;
import dev.herald.activities.text.TextRules;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.TemplateRef;
import dev.herald.workflows.audience.PlannedDelivery;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
                                requested_by_key, category, request_hash, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
      on conflict (id) do nothing""";

  /** PENDING deliveries as parallel arrays (id, channel, address, member number, member id, locale, push token). */
  private static final String INSERT_DELIVERIES = """
      insert into delivery (id, notification_id, channel, recipient, recipient_seq, recipient_id, locale, push_token,
                            status, attempts, updated_at)
      select d.id, ?, d.channel, d.recipient, d.seq, d.recipient_id, d.locale, d.push_token, 'PENDING', 0, now()
      from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[])
           as d(id, channel, recipient, seq, recipient_id, locale, push_token)
      on conflict (id) do nothing""";

  /** The notification and its PENDING deliveries in one statement, so atomic without a transaction; a repeat inserts nothing. */
  private static final String ACCEPT = "with accepted as (" + INSERT_NOTIFICATION + ") " + INSERT_DELIVERIES;

  private static final String UPDATE_STATUS =
      "update notification set status = ?, status_detail = ?, updated_at = now() where id = ?";
  /** A final status, and what the notification sends dropped in the same statement when nothing can re-drive it. */
  private static final String UPDATE_FINAL_STATUS = "with finished as (" + UPDATE_STATUS + " returning id) "
      + "delete from notification_content c using finished f where c.notification_id = f.id and "
      + DeadLetterWrites.nothingToRedrive("f.id");

  /** A final outcome already recorded is never overwritten by a retry. */
  private static final String RECORD_OUTCOME = """
      update delivery set status = ?, attempts = ?, provider_message_id = ?, error_code = ?, last_error = ?,
                          updated_at = now()
      where id = ? and status = 'PENDING'""";

  private final JdbcOperations jdbc;

  DeliveryLogWrites(JdbcOperations jdbc) {
    this.jdbc = jdbc;
  }

  /** The notification's row in {@code status}; 1 when inserted, 0 when it was already there. */
  int insertNotification(NotificationSpec spec, int recipientCount, NotificationStatus status) {
    return jdbc.update(INSERT_NOTIFICATION, notificationColumns(spec, recipientCount, status));
  }

  /** A list's notification in {@code status} and its PENDING deliveries, in one statement. */
  void accept(NotificationSpec spec, List<PlannedDelivery> planned, NotificationStatus status) {
    Object[] notification = notificationColumns(spec, spec.recipients().size(), status);
    Object[] deliveries = deliveryColumns(spec.id(), planned);
    Object[] args = Arrays.copyOf(notification, notification.length + deliveries.length);
    System.arraycopy(deliveries, 0, args, notification.length, deliveries.length);
    jdbc.update(ACCEPT, args);
  }

  /**
   * A notification whose audience the log refused: its row alone, FAILED with {@code reason}, each text
   * made storable ({@link TextRules#storable}); a repeat changes only the reason.
   */
  void refuse(NotificationSpec spec, String reason) {
    Content content = spec.content() == null ? null
        : new Content(TextRules.storable(spec.content().subject()), null);
    TemplateRef template = spec.template() == null ? null
        : new TemplateRef(TextRules.storable(spec.template().key()), spec.template().version(), Map.of());
    NotificationSpec storable = new NotificationSpec(spec.id(), TextRules.storable(spec.idempotencyKey()),
        TextRules.storable(spec.sender()), spec.channels(), List.of(), content, spec.priority(), spec.sendAt(),
        spec.approval(), spec.acceptedAt(), spec.requestHash(), spec.channelMode(), spec.receiptWindow(), template,
        TextRules.storable(spec.group()), null, TextRules.storable(spec.category()), null);
    jdbc.update(INSERT_NOTIFICATION, notificationColumns(storable, spec.recipients().size(), NotificationStatus.FAILED));
    updateStatus(spec.id(), NotificationStatus.FAILED, reason);
  }

  /** PENDING deliveries of a notification already recorded (a group's members, a chunk at a time). */
  void insertDeliveries(String notificationId, List<PlannedDelivery> planned) {
    jdbc.update(INSERT_DELIVERIES, deliveryColumns(notificationId, planned));
  }

  private static Object[] deliveryColumns(String notificationId, List<PlannedDelivery> planned) {
    int n = planned.size();
    String[] ids = new String[n];
    String[] channels = new String[n];
    String[] addresses = new String[n];
    Integer[] seqs = new Integer[n];
    String[] recipientIds = new String[n];
    String[] locales = new String[n];
    String[] pushTokens = new String[n];
    for (int i = 0; i < n; i++) {
      PlannedDelivery delivery = planned.get(i);
      ids[i] = delivery.id();
      channels[i] = delivery.channel().name();
      addresses[i] = delivery.address();
      seqs[i] = delivery.seq();
      recipientIds[i] = delivery.member().id();
      locales[i] = delivery.member().locale();
      pushTokens[i] = delivery.member().pushToken();
    }
    return new Object[] {notificationId, ids, channels, addresses, seqs, recipientIds, locales, pushTokens};
  }

  void updateStatus(String notificationId, NotificationStatus status, String detail) {
    jdbc.update(status.isFinal() ? UPDATE_FINAL_STATUS : UPDATE_STATUS, status.name(), text(detail), notificationId);
  }

  /** A delivery's final outcome; nothing when it already has one. */
  public void recordOutcome(DeliveryOutcome outcome) {
    jdbc.update(RECORD_OUTCOME, outcome.status().name(), outcome.attempts(), text(outcome.providerMessageId()),
        text(outcome.errorCode()), text(outcome.lastError()), outcome.deliveryId());
  }

  private static Object[] notificationColumns(NotificationSpec spec, int recipientCount, NotificationStatus status) {
    String channels = spec.channels().stream().map(Channel::name).collect(Collectors.joining(","));
    String subject = spec.content() == null ? null : spec.content().subject();
    var template = spec.template();
    return new Object[] {spec.id(), spec.idempotencyKey(), spec.sender(), channels, spec.priority().name(),
        status.name(), text(subject), recipientCount, timestamp(spec.sendAt()),
        text(template == null ? null : template.key()),
        new SqlParameterValue(Types.INTEGER, template == null ? null : template.version()), text(spec.group()),
        timestamp(spec.acceptedAt()), text(spec.approval().requestedByKey()), text(spec.category()),
        text(spec.requestHash())};
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
