package dev.herald.api.notification;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import java.time.Instant;
import java.util.List;

/**
 * A notification with its progress and (for the detail view) its deliveries.
 *
 * @param requestedByKey the prefix of the API key that asked for the send; null for a Kafka event
 * @param group the recipient group of a broadcast, else null; {@code recipientCount} is then the
 *     audience fixed at acceptance
 * @param category the category its recipients' opt-outs and caps applied to, else null
 */
public record NotificationView(
    String id,
    String idempotencyKey,
    NotificationStatus status,
    String statusDetail,
    String sender,
    String requestedByKey,
    List<Channel> channels,
    Priority priority,
    String subject,
    Template template,
    String group,
    String category,
    int recipientCount,
    Instant sendAt,
    Approval approval,
    Counts progress,
    List<Delivery> deliveries,
    Instant createdAt,
    Instant updatedAt) {

  /** The template version the notification rendered, when it used one. */
  public record Template(String key, int version) {}

  /** {@code decidedByKey}: the prefix of the approving admin's API key; null for a decision by Temporal signal. */
  public record Approval(String decision, String comment, String decidedBy, String decidedByKey, Instant decidedAt) {}

  /**
   * {@code sent}: accepted by providers; {@code delivered}: the part of it confirmed by receipts.
   * {@code channels}: the same per channel, in the notification's channel order.
   */
  public record Counts(long total, long pending, long sent, long delivered, long failed, long skipped, long cancelled,
      List<ChannelCounts> channels) {}

  public record Delivery(
      String id,
      Channel channel,
      String recipient,
      DeliveryStatus status,
      int attempts,
      String providerMessageId,
      String errorCode,
      String lastError,
      Instant updatedAt) {}
}
