package dev.herald.workflows;

import java.nio.charset.StandardCharsets;

/**
 * Text for the Temporal UI's summaries, within what the server takes: it caps a summary's serialized
 * payload ({@code limit.userMetadataSummarySize}, 400 bytes) and fails a start or a workflow task over
 * it, so a long sender, group or template key in another script is cut, on a character boundary.
 */
public final class TemporalUiText {

  /** A summary sent plain (a client's start): below the cap, leaving room for the JSON quotes around it. */
  public static final int PLAIN_SUMMARY_BYTES = 380;
  /** A summary a worker sends (activities, timers, child workflows): encrypted, so room for the codec's metadata. */
  public static final int ENCRYPTED_SUMMARY_BYTES = 200;
  private static final String CUT = "…";

  private TemporalUiText() {}

  /** {@code text} cut to at most {@code maxBytes} as JSON writes it in UTF-8, marked with … when cut. */
  public static String clamp(String text, int maxBytes) {
    if (bytes(text) <= maxBytes) {
      return text;
    }
    int budget = maxBytes - bytes(CUT);
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int size = bytes(new String(Character.toChars(c)));
      if (used + size > budget) {
        break;
      }
      kept.appendCodePoint(c);
      used += size;
      i += Character.charCount(c);
    }
    return kept.append(CUT).toString();
  }

  /** UTF-8 bytes as JSON writes them: a quote or backslash is escaped. */
  private static int bytes(String text) {
    int escaped = (int) text.chars().filter(c -> c == '"' || c == '\\').count();
    return text.getBytes(StandardCharsets.UTF_8).length + escaped;
  }
}
