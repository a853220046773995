package dev.herald.api.inbox;

import dev.herald.activities.inapp.InboxItem;
import java.time.Instant;

/**
 * An inbox item as the API and the stream show it. {@code notificationId} lets a client drop an
 * item it has already shown (a replay, or the same notification on another channel).
 */
public record InboxItemView(
    long id, String recipientId, String notificationId, String title, String body, Instant createdAt,
    Instant readAt, boolean read) {

  static InboxItemView of(InboxItem item) {
    return new InboxItemView(item.id(), item.recipientId(), item.notificationId(), item.title(), item.body(),
        item.createdAt(), item.readAt(), item.read());
  }
}
