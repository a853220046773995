package dev.herald.activities.delivery;

import dev.herald.workflows.audience.AudienceRules;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.notification.NotificationIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Notifications as the workflow hands them to the delivery log, and the ids their deliveries get. */
final class DeliveryLogFixtures {

  /** The sender of every notification here, and the owner of the groups they broadcast to. */
  static final String SENDER = "billing-service";

  static final Instant ACCEPTED_AT = Instant.parse("2025-03-01T09:00:00Z");

  private DeliveryLogFixtures() {}

  /** A notification with {@code recipients} email recipients, accepted at {@code acceptedAt}. */
  static NotificationSpec notification(String idempotencyKey, Instant acceptedAt, int recipients, Channel... channels) {
    List<Recipient> to = IntStream.range(0, recipients)
        .mapToObj(i -> Recipient.ofEmail("user" + i + "@example.com"))
        .toList();
    return list(idempotencyKey, acceptedAt, to, channels);
  }

  static NotificationSpec notification(String idempotencyKey, int recipients) {
    return notification(idempotencyKey, ACCEPTED_AT, recipients, Channel.EMAIL);
  }

  /** A notification of inline content to the request's {@code recipients}, in that order. */
  static NotificationSpec list(String idempotencyKey, List<Recipient> recipients, Channel... channels) {
    return list(idempotencyKey, ACCEPTED_AT, recipients, channels);
  }

  /** A broadcast of inline content to the recipient group {@code group}. */
  static NotificationSpec broadcast(String idempotencyKey, String group, Channel... channels) {
    NotificationSpec list = list(idempotencyKey, List.of(), channels);
    return new NotificationSpec(list.id(), idempotencyKey, list.sender(), list.channels(), List.of(), list.content(),
        list.priority(), null, list.approval(), ACCEPTED_AT, list.requestHash(), null, null, null, group, null, null, null);
  }

  /** The id of the delivery to member number {@code seq} on {@code channel}. */
  static String deliveryId(NotificationSpec spec, Channel channel, int seq) {
    return AudienceRules.deliveryId(spec.id(), channel, seq);
  }

  /** The id of the email to member number {@code seq}. */
  static String email(NotificationSpec spec, int seq) {
    return deliveryId(spec, Channel.EMAIL, seq);
  }

  /**
   * A delivery row as stored, its id without the notification's ({@code email/0}).
   *
   * @param seq the member's number ({@code recipient_seq})
   */
  record StoredDelivery(String key, Channel channel, String address, int seq, String recipientId, String locale,
      String pushToken, DeliveryStatus status) {}

  /** The notification's deliveries in audience order: by channel, then member number. */
  static List<StoredDelivery> stored(JdbcClient jdbc, String notificationId) {
    return jdbc.sql("""
            select substr(id, length(:id) + 2) as key, channel, recipient, recipient_seq, recipient_id, locale,
                   push_token, status
            from delivery where notification_id = :id order by channel, recipient_seq""")
        .param("id", notificationId)
        .query((row, n) -> new StoredDelivery(row.getString("key"), Channel.valueOf(row.getString("channel")),
            row.getString("recipient"), row.getInt("recipient_seq"), row.getString("recipient_id"),
            row.getString("locale"), row.getString("push_token"), DeliveryStatus.valueOf(row.getString("status"))))
        .list();
  }

  private static NotificationSpec list(String idempotencyKey, Instant acceptedAt, List<Recipient> recipients,
      Channel... channels) {
    return new NotificationSpec(
        NotificationIds.of(SENDER, idempotencyKey),
        idempotencyKey,
        SENDER,
        Arrays.asList(channels),
        recipients,
        new Content("Your invoice is ready", "Invoice #42 is ready."),
        Priority.NORMAL,
        null,
        new ApprovalPolicy(1_000, Duration.ofHours(1)),
        acceptedAt,
        "hash-" + idempotencyKey,
        null,
        null,
        null,
        null,
        null, null, null);
  }
}
