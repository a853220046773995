package dev.herald.api.webhook.twilio;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio's standard opt-out and opt-in keywords, matched like Twilio does: the whole message, any
 * case, surrounding spaces and punctuation ignored ("stop", " STOP! " opt out; "stop it" does not).
 */
final class InboundKeywords {

  enum Intent { OPT_OUT, OPT_IN }

  private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
  private static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "YES");

  private InboundKeywords() {}

  static Optional<Intent> of(String body) {
    if (body == null) {
      return Optional.empty();
    }
    String word = body.strip().replaceAll("^\\p{Punct}+|\\p{Punct}+$", "").strip().toUpperCase(Locale.ROOT);
    if (OPT_OUT.contains(word)) {
      return Optional.of(Intent.OPT_OUT);
    }
    return OPT_IN.contains(word) ? Optional.of(Intent.OPT_IN) : Optional.empty();
  }
}
