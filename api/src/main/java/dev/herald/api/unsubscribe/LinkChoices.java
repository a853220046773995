package dev.herald.api.unsubscribe;

import dev.herald.workflows.messages.Channel;
import java.util.List;

/**
 * What the page offers a recipient-id link: per channel, the categories (and "everything") it may stop,
 * each with whether it is stopped now.
 *
 * @param channels the link's channel first, then email when it is another
 */
record LinkChoices(List<ChannelChoices> channels) {

  /** One channel's options, under a legend such as "Emails". */
  record ChannelChoices(Channel channel, String legend, List<Option> options) {}

  /**
   * One option: {@code value} is {@code <category>:<CHANNEL>}, or {@code *:<CHANNEL>} for everything on
   * the channel; {@code stopped} whether the recipient gets none of these now.
   */
  record Option(String value, String label, String description, boolean stopped) {}
}
