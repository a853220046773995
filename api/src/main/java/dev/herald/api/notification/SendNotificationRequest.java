package dev.herald.api.notification;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Priority;
import java.time.Instant;
import java.util.List;

/**
 * A request to notify: the body of {@code POST /api/v1/notifications} and of a Kafka request event.
 *
 * @param idempotencyKey the client's id of this request; repeats with it are sent once (the
 *     {@code Idempotency-Key} header may carry it instead)
 * @param sendAt when to send; absent means now
 */
public record SendNotificationRequest(
    String idempotencyKey,
    String sender,
    List<Channel> channels,
    List<RecipientAddress> recipients,
    String subject,
    String body,
    Priority priority,
    Instant sendAt) {

  /** One recipient's addresses. */
  public record RecipientAddress(String email) {}

  public SendNotificationRequest withIdempotencyKey(String key) {
    return new SendNotificationRequest(key, sender, channels, recipients, subject, body, priority, sendAt);
  }
}
