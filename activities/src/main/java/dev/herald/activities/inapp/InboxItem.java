package dev.herald.activities.inapp;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One item in the in-app inbox of a sender's (its owner's) recipient.
 *
 * @param id increasing with insertion: the SSE event id, the paging cursor and the provider message id
 * @param preferencesUrl the recipient's preference link, when the template asked for one
 * @param readAt when the recipient marked it read, or null while unread
 */
@Table("inbox_item")
public record InboxItem(
    @Id Long id,
    String owner,
    String recipientId,
    String notificationId,
    String deliveryId,
    String title,
    String body,
    String preferencesUrl,
    Instant createdAt,
    Instant readAt) {

  public boolean read() {
    return readAt != null;
  }
}
