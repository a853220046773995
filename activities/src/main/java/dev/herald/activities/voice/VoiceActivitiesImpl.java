package dev.herald.activities.voice;

import dev.herald.activities.provider.ProviderSendException;
import dev.herald.activities.twilio.TwilioConfig;
import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.VoiceCall;
import dev.herald.workflows.voice.VoiceActivities;
import io.temporal.activity.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The voice channel activity: places the call. Its outcome (completed, busy, no-answer, failed)
 * arrives later as a receipt on the status webhook.
 */
@Component
@ConditionalOnExpression(TwilioConfig.AVAILABLE)
public class VoiceActivitiesImpl implements VoiceActivities {

  private static final Logger log = LoggerFactory.getLogger(VoiceActivitiesImpl.class);

  private final VoiceSender sender;

  public VoiceActivitiesImpl(VoiceSender sender) {
    this.sender = sender;
  }

  @Override
  public ProviderReceipt placeCall(VoiceCall call) {
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    try {
      String sid = sender.call(call);
      log.info("voice delivery {} placed as {}", call.deliveryId(), sid);
      return new ProviderReceipt(sid, attempt);
    } catch (ProviderSendException e) {
      log.warn("voice delivery {} attempt {} failed: {} {}", call.deliveryId(), attempt, e.type(), e.providerCode());
      throw e.toActivityFailure(attempt);
    }
  }
}
