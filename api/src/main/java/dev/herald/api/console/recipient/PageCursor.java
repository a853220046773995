package dev.herald.api.console.recipient;

import dev.herald.activities.text.TextRules;

/** The cursor of a list page's link (the last id or key of the page before); a mangled one means the first page. */
public final class PageCursor {

  private static final int MAX_CHARS = 1000;

  private PageCursor() {}

  public static String of(String after) {
    return after == null || after.isEmpty() || TextRules.line(after, MAX_CHARS).isPresent() ? null : after;
  }
}
