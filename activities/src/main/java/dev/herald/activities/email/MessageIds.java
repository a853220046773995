package dev.herald.activities.email;

/**
 * RFC 5322 Message-IDs derived from delivery ids, one-to-one, so a retried send keeps its id. Every
 * character outside atext (and '=' itself) becomes {@code =XXXX}; so does a '.' that would make the
 * left part an invalid dot-atom (first, last, or right after another '.').
 */
final class MessageIds {

  private static final String ATEXT_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/?^_`{|}~-";
  /** {@link #ATEXT_SAFE} by character: one lookup per character of every id sent. */
  private static final boolean[] SAFE = new boolean[128];

  static {
    ATEXT_SAFE.chars().forEach(c -> SAFE[c] = true);
  }

  private MessageIds() {}

  static String of(String deliveryId, String domain) {
    StringBuilder id = new StringBuilder("<");
    int last = deliveryId.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = deliveryId.charAt(i);
      boolean dotInsideAtom = c == '.' && i > 0 && i < last && id.charAt(id.length() - 1) != '.';
      if (dotInsideAtom || (c < SAFE.length && SAFE[c])) {
        id.append(c);
      } else {
        id.append('=').append(String.format("%04X", (int) c));
      }
    }
    return id.append('@').append(domain).append('>').toString();
  }
}
