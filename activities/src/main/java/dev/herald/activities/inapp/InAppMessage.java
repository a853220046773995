package dev.herald.activities.inapp;

import dev.herald.activities.channel.AttachmentLink;
import java.util.List;

/**
 * One item for the in-app inbox of {@code owner}'s (the notification's sender's) recipient;
 * {@code preferencesUrl} the recipient's preference link when the template asks for one, else null;
 * {@code attachmentLinks} a download link per attachment (empty: none), {@code imageUrl} its image's (null: none).
 */
public record InAppMessage(
    String deliveryId, String notificationId, String owner, String recipientId, String title, String body,
    String preferencesUrl, List<AttachmentLink> attachmentLinks, String imageUrl) {

  public InAppMessage {
    attachmentLinks = attachmentLinks == null ? List.of() : List.copyOf(attachmentLinks);
  }

  /** An item without attachments or image. */
  public InAppMessage(String deliveryId, String notificationId, String owner, String recipientId, String title,
      String body, String preferencesUrl) {
    this(deliveryId, notificationId, owner, recipientId, title, body, preferencesUrl, List.of(), null);
  }
}
