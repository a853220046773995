package dev.herald.activities.email;

/** RFC 5322 Message-IDs derived from delivery ids, one-to-one, so a retried send keeps its id. */
final class MessageIds {

  private static final String ATEXT_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/?^_`{|}~-";

  private MessageIds() {}

  static String of(String deliveryId, String domain) {
    StringBuilder id = new StringBuilder("<");
    for (char c : deliveryId.toCharArray()) {
      if (ATEXT_SAFE.indexOf(c) >= 0) {
        id.append(c);
      } else {
        id.append('=').append(String.format("%04X", (int) c));
      }
    }
    return id.append('@').append(domain).append('>').toString();
  }
}
