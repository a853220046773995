package dev.herald.activities.email;

import jakarta.mail.internet.MimeUtility;

/**
 * An email's unsubscribe headers (RFC 2369, RFC 8058): {@code List-Unsubscribe} with the recipient's
 * HTTPS preference link (and a mailto when one is configured), and {@code List-Unsubscribe-Post}, which
 * tells mail providers that a {@code POST} of {@code List-Unsubscribe=One-Click} on the link unsubscribes.
 * Providers act on them only when the message's DKIM signature covers both: the MTA's job.
 *
 * @param url the preference link
 * @param mailto a {@code mailto:} URL, or null for none
 */
public record ListUnsubscribe(String url, String mailto) {

  public static final String HEADER = "List-Unsubscribe";
  public static final String POST_HEADER = "List-Unsubscribe-Post";
  public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

  /** The List-Unsubscribe value, the HTTPS link first, folded between the two. */
  String header() {
    String value = "<" + url + ">" + (mailto == null ? "" : ", <" + mailto + ">");
    return MimeUtility.fold(HEADER.length() + 2, value);
  }
}
