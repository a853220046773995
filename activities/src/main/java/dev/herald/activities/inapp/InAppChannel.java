package dev.herald.activities.inapp;

import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.LinkedMedia;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.delivery.StorageRefusals;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The in-app channel: puts the item in the inbox of the sender's recipient (PostgreSQL) and announces it
 * to the processes streaming inboxes. Idempotent by delivery id: a retry inserts and announces
 * nothing and answers the same item id, the "provider message id" of this channel. A value the
 * database refuses fails the delivery for good; any other database error propagates, so Temporal
 * retries it with the in-app policy. The item keeps the download links of the notification's attachments and
 * image, as made for this delivery.
 */
@Component
public class InAppChannel implements ChannelAdapter {

  private static final Logger log = LoggerFactory.getLogger(InAppChannel.class);

  /** PostgreSQL refuses NOTIFY payloads of 8000 bytes and more; the API allows 200 characters. */
  static final int MAX_RECIPIENT_ID_BYTES = 1000;

  private final InboxItemRepository items;

  public InAppChannel(InboxItemRepository items) {
    this.items = items;
  }

  @Override
  public Channel channel() {
    return Channel.IN_APP;
  }

  @Override
  public String provider() {
    return "inbox";
  }

  @Override
  public LinkedMedia linkedMedia() {
    return LinkedMedia.ATTACHMENTS_AND_IMAGE;
  }

  @Override
  public ProviderReceipt send(OutgoingMessage message, int attempt) {
    return deliverInApp(new InAppMessage(message.deliveryId(), message.notificationId(), message.sender(),
        message.address(), message.content().subject(), message.content().body(), message.preferencesUrl(),
        message.attachmentLinks(), message.imageUrl()), attempt);
  }

  ProviderReceipt deliverInApp(InAppMessage message, int attempt) {
    requireDeliverable(message, attempt);
    long id;
    try {
      id = items.insertAndAnnounce(message.owner(), message.recipientId(), message.notificationId(), message.deliveryId(),
              message.title(), message.body(), message.preferencesUrl(), InboxLinks.toJson(message.attachmentLinks()),
              message.imageUrl())
          .or(() -> items.findIdByDeliveryId(message.deliveryId()))
          .orElseThrow(() -> new IllegalStateException("inbox item of " + message.deliveryId() + " vanished"));
    } catch (DataIntegrityViolationException refused) {
      throw permanent(DeliveryErrorType.MESSAGE_REJECTED, "inbox-refused",
          "the inbox cannot store this message: " + StorageRefusals.describe(refused), attempt);
    }
    log.debug("in-app delivery {} is inbox item {}", message.deliveryId(), id);
    return new ProviderReceipt(Long.toString(id), attempt);
  }

  private static void requireDeliverable(InAppMessage message, int attempt) {
    String recipientId = message.recipientId();
    if (recipientId == null || recipientId.isBlank()
        || recipientId.getBytes(StandardCharsets.UTF_8).length > MAX_RECIPIENT_ID_BYTES) {
      throw permanent(DeliveryErrorType.INVALID_ADDRESS, "inbox-invalid-recipient",
          "recipient id is missing or too long for an inbox", attempt);
    }
    if (message.body() == null) {
      throw permanent(DeliveryErrorType.MESSAGE_REJECTED, "inbox-empty-body", "an inbox item needs a body", attempt);
    }
  }

  private static ApplicationFailure permanent(DeliveryErrorType type, String code, String text, int attempt) {
    var error = new DeliveryError(type, code, text, attempt);
    return ApplicationFailure.newNonRetryableFailureWithCause(text, type.name(), null, error);
  }
}
