package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
import java.time.Instant;

/**
 * An address not to reach on a channel: for one sender, or for every sender ({@code owner} is
 * {@link #EVERY_SENDER}: a provider-level block such as SMS STOP); for one category or all (null).
 */
public record Suppression(Channel channel, String address, String owner, String category, String source,
    Instant createdAt) {

  public static final String EVERY_SENDER = Scope.ANY;

  public boolean everySender() {
    return EVERY_SENDER.equals(owner);
  }
}
