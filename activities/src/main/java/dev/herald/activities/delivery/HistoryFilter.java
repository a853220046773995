package dev.herald.activities.delivery;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import java.time.Instant;

/**
 * What a page of history is narrowed to; every part is optional (null, and a blank text counts as
 * none, as a form sends it).
 *
 * @param channel any of a notification's channels
 * @param sender the notification's sender identity
 * @param template the key of the template it rendered
 * @param recipient a recipient id or an address (email, phone, push token, Slack id), exactly as sent
 * @param since created at or after (inclusive)
 * @param until created before (exclusive)
 */
public record HistoryFilter(
    NotificationStatus status,
    Channel channel,
    Priority priority,
    String sender,
    String template,
    String recipient,
    Instant since,
    Instant until) {

  public static final HistoryFilter NONE = new HistoryFilter(null, null, null, null, null, null, null, null);

  public HistoryFilter {
    sender = absentIfBlank(sender);
    template = absentIfBlank(template);
    recipient = absentIfBlank(recipient);
  }

  public HistoryFilter withSender(String sender) {
    return new HistoryFilter(status, channel, priority, sender, template, recipient, since, until);
  }

  private static String absentIfBlank(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
