package dev.herald.activities.channel;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import java.util.List;

/**
 * One message to send on one channel, the same for a single send and a broadcast member: the
 * channel's adapter builds the provider's request from it. {@code deliveryId} is stable across
 * retries (an email's Message-ID, an inbox item's key), so a receiver can recognise a repeat.
 *
 * @param address the recipient's address on the channel (email, E.164 phone, recipient id ...)
 * @param recipient the recipient's other fields: its id (inbox, push devices), push token, locale
 * @param content the rendered or inline content; {@code from} null means the channel's default sender
 * @param category the notification's category (null: none)
 * @param preferencesUrl the recipient's preference link for this message ({@code
 *     dev.herald.activities.preference.links}), when its channel always carries one or the template asks
 *     for one; null otherwise
 * @param priority the notification's priority (null: NORMAL), which a channel may pass on (push)
 * @param attachments the notification's files, for a channel that attaches them ({@link ChannelAdapter#attaches});
 *     empty otherwise
 * @param attachmentLinks a download link per attachment, in order, for a channel that links them ({@link
 *     ChannelAdapter#linkedMedia}); empty otherwise
 * @param imageUrl a download link to the notification's image, for a channel that shows it ({@link
 *     ChannelAdapter#linkedMedia}); null otherwise
 */
public record OutgoingMessage(
    String deliveryId, String notificationId, String sender, Channel channel, String address, Recipient recipient,
    RenderedMessage content, String category, String preferencesUrl, Priority priority, List<AttachedFile> attachments,
    List<AttachmentLink> attachmentLinks, String imageUrl) {

  public OutgoingMessage {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    attachmentLinks = attachmentLinks == null ? List.of() : List.copyOf(attachmentLinks);
  }

  /** A message with files and no links. */
  public OutgoingMessage(String deliveryId, String notificationId, String sender, Channel channel, String address,
      Recipient recipient, RenderedMessage content, String category, String preferencesUrl, Priority priority,
      List<AttachedFile> attachments) {
    this(deliveryId, notificationId, sender, channel, address, recipient, content, category, preferencesUrl, priority,
        attachments, List.of(), null);
  }

  /** A message without attachments. */
  public OutgoingMessage(String deliveryId, String notificationId, String sender, Channel channel, String address,
      Recipient recipient, RenderedMessage content, String category, String preferencesUrl, Priority priority) {
    this(deliveryId, notificationId, sender, channel, address, recipient, content, category, preferencesUrl, priority,
        List.of());
  }
}
