package dev.herald.workflows.digest;

import dev.herald.workflows.messages.DigestRule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** When a digest's window ends: its length after the first event, or the next daily time in the recipient's zone. */
public final class DigestWindows {

  private DigestWindows() {}

  /**
   * The end of a window opened at {@code openedAt}. A daily time that does not exist that day (a
   * daylight-saving gap) is taken as the wall clock after the gap, as {@link ZonedDateTime} resolves it.
   */
  public static Instant endOf(DigestRule rule, Instant openedAt, String timeZone) {
    if (rule.dailyAt() == null) {
      return openedAt.plus(rule.window());
    }
    ZonedDateTime opened = openedAt.atZone(zone(timeZone));
    ZonedDateTime end = opened.toLocalDate().atTime(rule.dailyAt()).atZone(opened.getZone());
    return end.isAfter(opened) ? end.toInstant()
        : opened.toLocalDate().plusDays(1).atTime(rule.dailyAt()).atZone(opened.getZone()).toInstant();
  }

  /** The recipient's zone; UTC without one, or with one the runtime does not know. */
  static ZoneId zone(String timeZone) {
    if (timeZone == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException unknown) {
      return ZoneOffset.UTC;
    }
  }
}
