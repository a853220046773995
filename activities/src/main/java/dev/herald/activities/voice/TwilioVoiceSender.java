package dev.herald.activities.voice;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.twilio.StatusCallbacks;
import dev.herald.activities.twilio.TwilioConfig;
import dev.herald.activities.twilio.TwilioErrors;
import dev.herald.activities.twilio.TwilioHttpClient;
import dev.herald.activities.twilio.TwilioProperties;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Calls through Twilio's Calls API with inline TwiML; the outcome (completed, busy, no-answer,
 * failed) comes later by status callback.
 */
@Component
@ConditionalOnExpression(TwilioConfig.AVAILABLE)
public class TwilioVoiceSender implements VoiceSender {

  private final TwilioRestClient client;
  private final TwilioHttpClient http;
  private final TwilioProperties properties;
  private final StatusCallbacks callbacks;
  private final VoiceScripts scripts;

  public TwilioVoiceSender(TwilioRestClient client, TwilioHttpClient http, TwilioProperties properties,
      StatusCallbacks callbacks) {
    this.client = client;
    this.http = http;
    this.properties = properties;
    this.callbacks = callbacks;
    this.scripts = new VoiceScripts(properties);
  }

  @Override
  public String call(VoiceCall call) throws ProviderSendException {
    Twiml twiml = new Twiml(scripts.twiml(call.text(), call.locale()));
    PhoneNumber from = new PhoneNumber(properties.fromFor(call.sender(), call.from()));
    CallCreator creator = Call.creator(new PhoneNumber(call.to()), from, twiml);
    callbacks.forDelivery(call.deliveryId()).ifPresent(url -> {
      creator.setStatusCallback(url);
      creator.setStatusCallbackEvent(List.of("completed"));
    });
    try {
      return creator.create(client).getSid();
    } catch (TwilioException e) {
      throw TwilioErrors.classify(e, http.lastRetryAfter().orElse(null));
    }
  }
}
