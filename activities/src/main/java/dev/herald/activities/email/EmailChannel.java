package dev.herald.activities.email;

import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.preference.links.PreferenceLinks;
import dev.herald.workflows.messages.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The email channel: one message through the configured {@link EmailSender}, its Message-ID the delivery
 * id, with the recipient's preference link as its List-Unsubscribe headers (every email carries them) and
 * the notification's attachments as files.
 */
@Component
@ConditionalOnExpression(EmailConfig.AVAILABLE)
public class EmailChannel implements ChannelAdapter {

  private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);

  private final EmailSender sender;
  private final PreferenceLinks links;

  public EmailChannel(EmailSender sender, PreferenceLinks links) {
    this.sender = sender;
    this.links = links;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public String provider() {
    return "smtp";
  }

  @Override
  public boolean alwaysLinksPreferences() {
    return true;
  }

  @Override
  public boolean attaches() {
    return true;
  }

  @Override
  public ProviderReceipt send(OutgoingMessage message, int attempt) {
    return sendEmail(messageOf(message), attempt);
  }

  EmailMessage messageOf(OutgoingMessage message) {
    var content = message.content();
    String link = message.preferencesUrl();
    return new EmailMessage(message.deliveryId(), message.notificationId(), message.address(), content.subject(),
        content.body(), content.html(), content.from(),
        link == null ? null : new ListUnsubscribe(link, links.mailto(link).orElse(null)), message.attachments());
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
