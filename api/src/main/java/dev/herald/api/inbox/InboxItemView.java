package dev.herald.api.inbox;

import dev.herald.activities.channel.AttachmentLink;
import dev.herald.activities.inapp.InboxItem;
import java.time.Instant;
import java.util.List;

/**
 * An inbox item as the API and the stream show it. {@code notificationId} lets a client drop an
 * item it has already shown (a replay, or the same notification on another channel). {@code
 * preferencesUrl}: where the recipient manages what it receives, when the template asked for the link.
 * {@code attachments}: a signed, expiring download link per attachment of the notification (empty: none);
 * {@code imageUrl}: its image's (null: none).
 */
public record InboxItemView(
    long id, String recipientId, String notificationId, String title, String body, String preferencesUrl,
    List<AttachmentLink> attachments, String imageUrl, Instant createdAt, Instant readAt, boolean read) {

  static InboxItemView of(InboxItem item) {
    return new InboxItemView(item.id(), item.recipientId(), item.notificationId(), item.title(), item.body(),
        item.preferencesUrl(), item.links(), item.imageUrl(), item.createdAt(), item.readAt(), item.read());
  }
}
