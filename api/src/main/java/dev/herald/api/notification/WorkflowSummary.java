package dev.herald.api.notification;

import java.nio.charset.StandardCharsets;

/**
 * A workflow's summary for the Temporal UI, within what the server takes: it caps the summary's
 * serialized payload ({@code limit.userMetadataSummarySize}, 400 bytes), so a long sender or group
 * key in another script is cut, on a character boundary, rather than failing the start.
 */
final class WorkflowSummary {

  /** Below the server's cap, leaving room for the JSON quotes around it. */
  static final int MAX_BYTES = 380;
  private static final String CUT = "…";

  private WorkflowSummary() {}

  static String clamp(String summary) {
    if (bytes(summary) <= MAX_BYTES) {
      return summary;
    }
    int budget = MAX_BYTES - bytes(CUT);
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (int i = 0; i < summary.length(); ) {
      int c = summary.codePointAt(i);
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
