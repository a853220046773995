package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
import java.util.Locale;

/**
 * What an opt-out covers: a category (null: every category) on a channel (null: every channel).
 * Stored as {@code '*'} for "every"; shown in a skipped delivery's reason as {@code opted-out:<scope>}.
 */
public record Scope(String category, Channel channel) {

  static final String ANY = "*";
  public static final Scope EVERYTHING = new Scope(null, null);

  /** How specific it is: category and channel (3), category (2), channel (1), everything (0). */
  int rank() {
    return (category != null ? 2 : 0) + (channel != null ? 1 : 0);
  }

  /** Whether it covers a send of {@code sendCategory} (null: none) on {@code sendChannel}. */
  boolean covers(String sendCategory, Channel sendChannel) {
    return (category == null || category.equals(sendCategory)) && (channel == null || channel == sendChannel);
  }

  /** {@code all}, {@code channel=email}, {@code category=marketing}, {@code category=marketing,channel=email}. */
  public String label() {
    if (rank() == 0) {
      return "all";
    }
    String channelPart = channel == null ? "" : "channel=" + channel.name().toLowerCase(Locale.ROOT);
    return category == null ? channelPart : "category=" + category + (channel == null ? "" : "," + channelPart);
  }

  /** In words: everything, every EMAIL message, marketing on every channel, marketing on EMAIL. */
  public String described() {
    return switch (rank()) {
      case 0 -> "everything";
      case 1 -> "every " + channel + " message";
      case 2 -> category + " on every channel";
      default -> category + " on " + channel;
    };
  }

  String storedCategory() {
    return category == null ? ANY : category;
  }

  String storedChannel() {
    return channel == null ? ANY : channel.name();
  }

  static Scope stored(String category, String channel) {
    return new Scope(ANY.equals(category) ? null : category, ANY.equals(channel) ? null : Channel.valueOf(channel));
  }
}
