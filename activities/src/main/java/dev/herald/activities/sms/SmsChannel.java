package dev.herald.activities.sms;

import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.twilio.TwilioConfig;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryErrorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The SMS channel: nothing to a number that opted out; otherwise one send through the
 * {@link SmsSender}. A provider saying the recipient unsubscribed adds the number to the opt-outs.
 */
@Component
@ConditionalOnExpression(TwilioConfig.AVAILABLE)
public class SmsChannel implements ChannelAdapter {

  private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

  private final SmsSender sender;
  private final SmsOptOuts optOuts;

  public SmsChannel(SmsSender sender, SmsOptOuts optOuts) {
    this.sender = sender;
    this.optOuts = optOuts;
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public ProviderReceipt send(OutgoingMessage message, int attempt) {
    return sendSms(new SmsMessage(message.deliveryId(), message.notificationId(), message.sender(), message.address(),
        message.content().body(), message.content().from()), attempt);
  }

  ProviderReceipt sendSms(SmsMessage message, int attempt) {
    if (optOuts.isOptedOut(message.to())) {
      log.info("sms delivery {} skipped: recipient opted out", message.deliveryId());
      throw new ProviderSendException(DeliveryErrorType.RECIPIENT_OPTED_OUT, null, "recipient opted out of SMS", null,
          null).toActivityFailure(attempt);
    }
    SmsSegments length = SmsSegments.of(message.body());
    try {
      String sid = sender.send(message);
      log.info("sms delivery {} accepted as {}: {} segment(s), {}", message.deliveryId(), sid, length.segments(),
          length.encoding().label());
      return new ProviderReceipt(sid, attempt);
    } catch (ProviderSendException e) {
      log.warn("sms delivery {} attempt {} failed: {} {}", message.deliveryId(), attempt, e.type(), e.providerCode());
      if (e.type() == DeliveryErrorType.RECIPIENT_OPTED_OUT) {
        optOuts.optOut(message.to(), e.providerCode());
      }
      throw e.toActivityFailure(attempt);
    }
  }
}
