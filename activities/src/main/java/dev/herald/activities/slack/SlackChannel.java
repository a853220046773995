package dev.herald.activities.slack;

import dev.herald.activities.channel.AttachmentLink;
import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.LinkedMedia;
import dev.herald.activities.channel.OutgoingMessage;
import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.channel.RenderedMessage;
import dev.herald.workflows.messages.Channel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The Slack channel: one {@code chat.postMessage} through the {@link SlackSender} to the
 * recipient's Slack id (a user id is a direct message from the app). The text is the body, with
 * the subject, if any, in bold on the first line, and a download link per attachment on a line each after it. See
 * {@link SlackErrors} for the failure table.
 */
@Component
@ConditionalOnExpression(SlackConfig.AVAILABLE)
public class SlackChannel implements ChannelAdapter {

  private static final Logger log = LoggerFactory.getLogger(SlackChannel.class);

  private final SlackSender sender;

  public SlackChannel(SlackSender sender) {
    this.sender = sender;
  }

  @Override
  public Channel channel() {
    return Channel.SLACK;
  }

  @Override
  public String provider() {
    return "slack";
  }

  @Override
  public LinkedMedia linkedMedia() {
    return LinkedMedia.ATTACHMENTS;
  }

  @Override
  public ProviderReceipt send(OutgoingMessage message, int attempt) {
    SlackMessage slack = new SlackMessage(message.deliveryId(), message.address(),
        text(message.content()) + links(message.attachmentLinks()));
    try {
      String messageId = sender.send(slack);
      log.info("slack delivery {} posted as {}", slack.deliveryId(), messageId);
      return new ProviderReceipt(messageId, attempt);
    } catch (ProviderSendException e) {
      log.warn("slack delivery {} attempt {} failed: {} {}", slack.deliveryId(), attempt, e.type(), e.providerCode());
      throw e.toActivityFailure(attempt);
    }
  }

  /** The body; a subject goes before it in bold (Slack mrkdwn), on a line of its own. */
  static String text(RenderedMessage content) {
    String body = content.body() == null ? "" : content.body();
    String subject = content.subject() == null ? "" : content.subject().strip();
    if (subject.isEmpty()) {
      return body;
    }
    return body.isEmpty() ? "*" + subject + "*" : "*" + subject + "*\n" + body;
  }

  /** Each link as a mrkdwn link named by its file, on a line of its own; nothing for none. */
  static String links(List<AttachmentLink> links) {
    StringBuilder text = new StringBuilder();
    links.forEach(link -> text.append("\n<").append(link.url()).append('|').append(escaped(link.name())).append('>'));
    return text.toString();
  }

  /** Slack's three control characters escaped, and the link's separator kept out of the name. */
  private static String escaped(String name) {
    return name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('|', '¦');
  }
}
