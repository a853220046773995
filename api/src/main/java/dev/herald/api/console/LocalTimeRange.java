package dev.herald.api.console;

import dev.herald.api.notification.FieldViolation;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A list page's {@code since}/{@code until} filter: two {@code datetime-local} values in the viewer's
 * {@code zone} (an IANA zone the console's script fills in; UTC without scripts), read as instants.
 * Each wrong value becomes a violation of its field, so the page shows it beside the field as typed.
 */
public record LocalTimeRange(Instant since, Instant until) {

  public static final List<String> FIELDS = List.of("since", "until");

  /** The range the three form values say; what is wrong is added to {@code violations}. */
  public static LocalTimeRange read(String since, String until, String zone, List<FieldViolation> violations) {
    ZoneId in = zone(zone, violations);
    Instant from = instant("since", since, in, violations);
    Instant to = instant("until", until, in, violations);
    if (from != null && to != null && !to.isAfter(from)) {
      violations.add(new FieldViolation("until", "must be after since"));
    }
    return new LocalTimeRange(from, to);
  }

  private static ZoneId zone(String zone, List<FieldViolation> violations) {
    if (blank(zone)) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      violations.add(new FieldViolation("zone", "is not a time zone your browser should send: reload the page"));
      return ZoneOffset.UTC;
    }
  }

  private static Instant instant(String field, String value, ZoneId zone, List<FieldViolation> violations) {
    if (blank(value)) {
      return null;
    }
    try {
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      violations.add(new FieldViolation(field, "must be a date and time, like 2026-03-01T09:30"));
      return null;
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
