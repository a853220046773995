package dev.herald.activities.sms;

import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.twilio.TwilioConfig;
import dev.herald.workflows.messages.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The SMS channel: one send through the {@link SmsSender}. Opt-outs (STOP included) are checked before
 * it by the send path ({@code dev.herald.activities.preference.SendGate}), which also records a
 * provider's word that the number unsubscribed.
 */
@Component
@ConditionalOnExpression(TwilioConfig.AVAILABLE)
public class SmsChannel implements ChannelAdapter {

  private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

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
  public ProviderReceipt send(OutgoingMessage message, int attempt) {
    return sendSms(new SmsMessage(message.deliveryId(), message.notificationId(), message.sender(), message.address(),
        message.content().body(), message.content().from()), attempt);
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
