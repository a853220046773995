package dev.herald.activities.sms;

import dev.herald.activities.channel.AttachmentLink;
import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.LinkedMedia;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.twilio.TwilioConfig;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The SMS channel: one send through the {@link SmsSender}. Opt-outs (STOP included) are checked before
 * it by the send path ({@code dev.herald.activities.preference.SendGate}), which also records a
 * provider's word that the number unsubscribed. The notification's attachments go as download links, one
 * line each after the body.
 */
@Component
@ConditionalOnExpression(TwilioConfig.AVAILABLE)
public class SmsChannel implements ChannelAdapter {

  private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

  /** Twilio's limit on a body in characters (error 21617 past it). */
  static final int MAX_BODY_CHARS = 1600;
  static final String TOO_LONG_WITH_LINKS = "sms-too-long-with-links";

  private final SmsSender sender;

  public SmsChannel(SmsSender sender) {
    this.sender = sender;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String provider() {
    return "twilio";
  }

  @Override
  public LinkedMedia linkedMedia() {
    return LinkedMedia.ATTACHMENTS;
  }

  @Override
  public ProviderReceipt send(OutgoingMessage message, int attempt) {
    String body = withLinks(message.content().body(), message.attachmentLinks());
    if (!message.attachmentLinks().isEmpty() && body.length() > MAX_BODY_CHARS) {
      throw new ProviderSendException(DeliveryErrorType.MESSAGE_REJECTED, TOO_LONG_WITH_LINKS, "the body with "
          + message.attachmentLinks().size() + " attachment link(s) is " + body.length() + " characters; at most "
          + MAX_BODY_CHARS, null).toActivityFailure(attempt);
    }
    return sendSms(new SmsMessage(message.deliveryId(), message.notificationId(), message.sender(), message.address(),
        body, message.content().from()), attempt);
  }

  /** The body, then each link on a line of its own (URLs are ASCII: they keep a GSM-7 body GSM-7). */
  static String withLinks(String body, List<AttachmentLink> links) {
    if (links.isEmpty()) {
      return body;
    }
    StringBuilder text = new StringBuilder(body == null ? "" : body);
    links.forEach(link -> text.append('\n').append(link.url()));
    return text.toString();
  }

  ProviderReceipt sendSms(SmsMessage message, int attempt) {
    SmsSegments length = SmsSegments.of(message.body());
    try {
      String sid = sender.send(message);
      log.info("sms delivery {} accepted as {}: {} segment(s), {}", message.deliveryId(), sid, length.segments(),
          length.encoding().label());
      return new ProviderReceipt(sid, attempt);
    } catch (ProviderSendException e) {
      log.warn("sms delivery {} attempt {} failed: {} {}", message.deliveryId(), attempt, e.type(), e.providerCode());
      throw e.toActivityFailure(attempt);
    }
  }
}
