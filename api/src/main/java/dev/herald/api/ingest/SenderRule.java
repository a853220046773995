package dev.herald.api.ingest;

import dev.herald.workflows.notification.NotificationIds;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which senders the events of one request topic may speak for: the listed ones, or any when the list
 * is {@code *}. Whoever may write to a topic may send as each of its senders, so a topic a single
 * service writes to lists that service's sender only; its events then need not name it.
 *
 * @param senders the allowed senders in the order configured; empty when any sender is allowed
 */
record SenderRule(String topic, List<String> senders) {

  static final String ANY = "*";

  SenderRule {
    senders = List.copyOf(senders);
  }

  /**
   * The rule of {@code setting}, e.g. {@code shop,billing} or {@code *}: API key senders (1-64 of
   * {@code A-Z a-z 0-9 . _ @ -}), or the wildcard alone.
   *
   * @throws IllegalArgumentException naming what is wrong with the setting
   */
  static SenderRule parse(String topic, String setting) {
    Set<String> listed = new LinkedHashSet<>();
    Arrays.stream(setting == null ? new String[0] : setting.split(",")).map(String::strip)
        .filter(sender -> !sender.isEmpty()).forEach(listed::add);
    if (listed.isEmpty()) {
      throw new IllegalArgumentException("lists no sender");
    }
    if (listed.contains(ANY)) {
      if (listed.size() > 1) {
        throw new IllegalArgumentException("lists senders beside " + ANY + " (any sender): " + ANY + " stands alone");
      }
      return new SenderRule(topic, List.of());
    }
    for (String sender : listed) {
      if (!NotificationIds.PLAIN_SENDER.matcher(sender).matches()) {
        throw new IllegalArgumentException("lists '" + sender + "', which is no API key's sender "
            + "(1-64 of A-Z a-z 0-9 . _ @ -; senders are separated by commas)");
      }
    }
    return new SenderRule(topic, List.copyOf(listed));
  }

  boolean allowsAny() {
    return senders.isEmpty();
  }

  /**
   * The sender an event speaks for: the one it names when this topic may speak for it; without one,
   * the topic's only sender.
   *
   * @throws InvalidEventException naming the rule, when the event may not speak for the sender it names,
   *     or names none on a topic of several senders
   */
  String senderOf(String named) {
    if (named == null) {
      if (senders.size() == 1) {
        return senders.get(0);
      }
      throw new InvalidEventException("sender: is required, as the topic " + topic + " may speak for "
          + (allowsAny() ? "any sender" : "several (" + String.join(", ", senders) + ")") + " ("
          + TopicSenders.PROPERTY + ")", null);
    }
    if (allowsAny() || senders.contains(named)) {
      return named;
    }
    // a name no key can have is not repeated: it may be any text, and the reason goes to logs and headers
    String shown = NotificationIds.PLAIN_SENDER.matcher(named).matches() ? "'" + named + "' " : "";
    throw new InvalidEventException("sender: " + shown + "is not a sender the topic " + topic + " may speak for ("
        + TopicSenders.PROPERTY + ": " + String.join(", ", senders) + ")", null);
  }
}
