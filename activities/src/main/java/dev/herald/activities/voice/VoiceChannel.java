package dev.herald.activities.voice;

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
 * The voice channel: places the call, read in the recipient's locale. Its outcome (completed, busy,
 * no-answer, failed) arrives later as a receipt on the status webhook.
 */
@Component
@ConditionalOnExpression(TwilioConfig.AVAILABLE)
public class VoiceChannel implements ChannelAdapter {

  private static final Logger log = LoggerFactory.getLogger(VoiceChannel.class);

  private final VoiceSender sender;

  public VoiceChannel(VoiceSender sender) {
    this.sender = sender;
  }

  @Override
  public Channel channel() {
    return Channel.VOICE;
  }

  @Override
  public String provider() {
    return "twilio";
  }

  @Override
  public ProviderReceipt send(OutgoingMessage message, int attempt) {
    String locale = message.recipient() == null ? null : message.recipient().locale();
    return placeCall(new VoiceCall(message.deliveryId(), message.notificationId(), message.sender(), message.address(),
        message.content().body(), locale, message.content().from()), attempt);
  }

  ProviderReceipt placeCall(VoiceCall call, int attempt) {
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
