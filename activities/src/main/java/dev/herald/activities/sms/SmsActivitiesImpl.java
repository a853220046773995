package dev.herald.activities.sms;

import dev.herald.activities.provider.ProviderSendException;
import dev.herald.activities.twilio.TwilioConfig;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.SmsMessage;
import dev.herald.workflows.sms.SmsActivities;
import io.temporal.activity.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The SMS channel activity: nothing to a number that opted out; otherwise one send through the
 * {@link SmsSender}. A provider saying the recipient unsubscribed adds the number to the opt-outs.
 */
@Component
@ConditionalOnExpression(TwilioConfig.AVAILABLE)
public class SmsActivitiesImpl implements SmsActivities {

  private static final Logger log = LoggerFactory.getLogger(SmsActivitiesImpl.class);

  private final SmsSender sender;
  private final SmsOptOuts optOuts;

  public SmsActivitiesImpl(SmsSender sender, SmsOptOuts optOuts) {
    this.sender = sender;
    this.optOuts = optOuts;
  }

  @Override
  public ProviderReceipt sendSms(SmsMessage message) {
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
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
