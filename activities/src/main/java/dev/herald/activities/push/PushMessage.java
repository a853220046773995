package dev.herald.activities.push;

import dev.herald.workflows.messages.Priority;
import java.util.Map;

/**
 * One push to a recipient's devices: the devices {@code owner} (the notification's sender)
 * registered for {@code recipientId}, and {@code token} when the request named one; {@code priority}: the
 * notification's (null: NORMAL); {@code imageUrl} the image the alert shows (null: none).
 */
public record PushMessage(
    String deliveryId, String notificationId, String owner, String recipientId, String token, String title, String body,
    Map<String, String> data, Priority priority, String imageUrl) {

  /** A push without an image. */
  public PushMessage(String deliveryId, String notificationId, String owner, String recipientId, String token,
      String title, String body, Map<String, String> data, Priority priority) {
    this(deliveryId, notificationId, owner, recipientId, token, title, body, data, priority, null);
  }
}
