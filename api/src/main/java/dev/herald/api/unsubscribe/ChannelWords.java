package dev.herald.api.unsubscribe;

import dev.herald.workflows.messages.Channel;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** A channel's messages as a recipient reads them: "emails", "push notifications". */
final class ChannelWords {

  private static final Map<Channel, String> WORDS = new EnumMap<>(Map.of(
      Channel.EMAIL, "emails", Channel.SMS, "text messages", Channel.VOICE, "phone calls",
      Channel.PUSH, "push notifications", Channel.IN_APP, "in-app messages", Channel.SLACK, "Slack messages"));

  private ChannelWords() {}

  static String of(Channel channel) {
    return WORDS.getOrDefault(channel, channel.name().toLowerCase(Locale.ROOT) + " messages");
  }

  /** As a heading: "Emails". */
  static String heading(Channel channel) {
    String words = of(channel);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
