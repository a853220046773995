package dev.herald.activities.email;

import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.workflows.messages.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/** The email channel: one message through the configured {@link EmailSender}, its Message-ID the delivery id. */
@Component
@ConditionalOnExpression(EmailConfig.AVAILABLE)
public class EmailChannel implements ChannelAdapter {

  private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

  private final EmailSender sender;

  public EmailChannel(EmailSender sender) {
    this.sender = sender;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public ProviderReceipt send(OutgoingMessage message, int attempt) {
    return sendEmail(messageOf(message), attempt);
  }

  static EmailMessage messageOf(OutgoingMessage message) {
    var content = message.content();
    return new EmailMessage(message.deliveryId(), message.notificationId(), message.address(), content.subject(),
        content.body(), content.html(), content.from());
  }

  ProviderReceipt sendEmail(EmailMessage message, int attempt) {
    try {
      return new ProviderReceipt(sender.send(message), attempt);
    } catch (ProviderSendException e) {
      log.warn("email delivery {} attempt {} failed: {} {}", message.deliveryId(), attempt, e.type(), e.providerCode());
      throw e.toActivityFailure(attempt);
    }
  }
}
