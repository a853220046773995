package dev.herald.api.preference;

import dev.herald.workflows.messages.Channel;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/recipients/{recipientId}/preferences}: every rule the recipient keeps
 * (rules left out are removed), and its quiet hours (absent: none). A rule without {@code category}
 * covers every category, without {@code channel} every channel; the most specific rule that covers a
 * send decides.
 */
public record PreferencesRequest(List<Rule> rules, QuietHours quietHours) {

  /**
   * A daily window, local times {@code HH:mm} (or {@code HH:mm:ss}) in {@code timeZone} (an IANA id;
   * absent: the stored recipient's, else UTC); overnight when {@code end} is before {@code start}.
   */
  public record QuietHours(String start, String end, String timeZone) {}

  /** {@code optedOut}: true to stop these sends, false to allow them inside a wider opt-out. */
  public record Rule(String category, Channel channel, Boolean optedOut) {}
}
