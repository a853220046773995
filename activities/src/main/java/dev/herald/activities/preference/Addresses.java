package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
import java.util.Locale;

/** How a suppressed address is keyed: an e-mail address in lower case (providers treat case as one), others as sent. */
public final class Addresses {

  private Addresses() {}

  public static String key(Channel channel, String address) {
    if (address == null) {
      return null;
    }
    String trimmed = address.strip();
    return channel == Channel.EMAIL ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
  }
}
