package dev.herald.api.preference;

import dev.herald.activities.preference.Suppression;
import dev.herald.workflows.messages.Channel;
import java.time.Instant;

/** A suppressed address; {@code owner} {@code *} is a provider-level block for every sender (SMS STOP). */
public record SuppressionView(Channel channel, String address, String owner, String category, String source,
    Instant createdAt) {

  static SuppressionView of(Suppression s) {
    return new SuppressionView(s.channel(), s.address(), s.owner(), s.category(), s.source(), s.createdAt());
  }
}
