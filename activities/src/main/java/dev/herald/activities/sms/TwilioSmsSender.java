package dev.herald.activities.sms;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.twilio.StatusCallbacks;
import dev.herald.activities.twilio.TwilioConfig;
import dev.herald.activities.twilio.TwilioErrors;
import dev.herald.activities.twilio.TwilioHttpClient;
import dev.herald.activities.twilio.TwilioProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** SMS through Twilio's Messages API, asking for status callbacks to Herald's webhook. */
@Component
@ConditionalOnExpression(TwilioConfig.AVAILABLE)
public class TwilioSmsSender implements SmsSender {

  private final TwilioRestClient client;
  private final TwilioHttpClient http;
  private final TwilioProperties properties;
  private final StatusCallbacks callbacks;

  public TwilioSmsSender(TwilioRestClient client, TwilioHttpClient http, TwilioProperties properties,
      StatusCallbacks callbacks) {
    this.client = client;
    this.http = http;
    this.properties = properties;
    this.callbacks = callbacks;
  }

  @Override
  public String send(SmsMessage message) throws ProviderSendException {
    PhoneNumber from = new PhoneNumber(properties.fromFor(message.sender(), message.from()));
    MessageCreator creator = Message.creator(new PhoneNumber(message.to()), from, message.body());
    callbacks.forDelivery(message.deliveryId()).ifPresent(creator::setStatusCallback);
    try {
      return creator.create(client).getSid();
    } catch (TwilioException e) {
      throw TwilioErrors.classify(e, http.lastRetryAfter().orElse(null));
    }
  }
}
