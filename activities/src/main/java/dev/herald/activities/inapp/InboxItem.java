package dev.herald.activities.inapp;

import dev.herald.activities.channel.AttachmentLink;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One item in the in-app inbox of a sender's (its owner's) recipient.
 *
 * @param id increasing with insertion: the SSE event id, the paging cursor and the provider message id
 * @param preferencesUrl the recipient's preference link, when the template asked for one
 * @param attachmentLinks the notification's attachments' download links, as {@link InboxLinks} keeps them
 * @param imageUrl the download link of the notification's image, when it has one
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
    String attachmentLinks,
    String imageUrl,
    Instant createdAt,
    Instant readAt) {

  public boolean read() {
    return readAt != null;
  }

  /** A download link per attachment of the notification, made when the item was delivered; empty for none. */
  public List<AttachmentLink> links() {
    return InboxLinks.fromJson(attachmentLinks);
  }
}
