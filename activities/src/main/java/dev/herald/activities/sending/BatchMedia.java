package dev.herald.activities.sending;

import dev.herald.activities.attachment.Attachment;
import dev.herald.activities.attachment.AttachmentLinks;
import dev.herald.activities.attachment.Attachments;
import dev.herald.activities.channel.AttachmentLink;
import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.LinkedMedia;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a batch's messages carry of the notification's attachments and image, as its channel carries them: the
 * attachments read once per batch (files for a channel that attaches them), and for a channel that links them or
 * shows the image, one signed link each, made once per batch (never in a workflow payload), their bytes kept as long
 * as the links work.
 */
final class BatchMedia {

  /** The error code of a message whose links cannot be made: no {@code herald.public-url} or no link key. */
  static final String LINKS_UNAVAILABLE = "attachment-links-unavailable";
  private static final String UNNAMED = "attachment";

  private final List<Attachment> carried;
  private final List<AttachmentLink> links;
  private final String imageUrl;
  private final ProviderSendException unlinkable;

  private BatchMedia(List<Attachment> carried, List<AttachmentLink> links, String imageUrl,
      ProviderSendException unlinkable) {
    this.carried = carried;
    this.links = links;
    this.imageUrl = imageUrl;
    this.unlinkable = unlinkable;
  }

  static BatchMedia of(ChannelAdapter adapter, String notificationId, Attachments store, AttachmentLinks signer) {
    LinkedMedia linking = adapter.linkedMedia();
    List<Attachment> attachments = adapter.attaches() || linking.attachments()
        ? store.ofNotification(notificationId) : List.of();
    Optional<Attachment> image = linking.image() ? store.imageOf(notificationId) : Optional.empty();
    List<Attachment> carried = new ArrayList<>(attachments);
    image.ifPresent(carried::add);
    List<Attachment> linked = new ArrayList<>(linking.attachments() ? attachments : List.of());
    image.ifPresent(linked::add);
    if (linked.isEmpty() || !linked.stream().allMatch(a -> a.status().isStored())) {
      // nothing to link, or a file gone: the batch's content fails those messages for good
      return new BatchMedia(carried, List.of(), null, null);
    }
    List<String> urls = new ArrayList<>();
    for (Attachment attachment : linked) {
      Optional<String> url = signer.url(attachment.id());
      if (url.isEmpty()) {
        return new BatchMedia(carried, List.of(), null, new ProviderSendException(DeliveryErrorType.MESSAGE_REJECTED,
            LINKS_UNAVAILABLE, "the message links attachments, which needs herald.public-url and "
            + "herald.preferences.links.keys", null));
      }
      urls.add(url.get());
    }
    store.keepFor(linked.stream().map(Attachment::id).toList(), signer.ttl());
    List<AttachmentLink> links = new ArrayList<>();
    for (int i = 0; i < (linking.attachments() ? attachments.size() : 0); i++) {
      Attachment a = attachments.get(i);
      links.add(new AttachmentLink(a.filename() == null ? UNNAMED : a.filename(), a.contentType(), urls.get(i)));
    }
    return new BatchMedia(carried, links, image.isPresent() ? urls.get(urls.size() - 1) : null, null);
  }

  /** The attachments (and image) the channel's messages carry, for the batch's content to check they are stored. */
  List<Attachment> carried() {
    return carried;
  }

  /** A link per attachment, for a channel that links them; empty otherwise. */
  List<AttachmentLink> links() {
    return links;
  }

  /** A link to the image, for a channel that shows it; null otherwise. */
  String imageUrl() {
    return imageUrl;
  }

  /** @throws ProviderSendException a permanent {@code MESSAGE_REJECTED} when the links cannot be made */
  void requireLinked() throws ProviderSendException {
    if (unlinkable != null) {
      throw unlinkable;
    }
  }
}
