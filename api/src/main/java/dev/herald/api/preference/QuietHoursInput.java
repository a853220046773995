package dev.herald.api.preference;

import dev.herald.activities.preference.QuietHoursSetting;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Quiet hours as a caller writes them (the API's {@code quietHours}, the console's form): local times
 * {@code HH:mm} and an optional IANA zone, each broken rule naming its field ({@code quietHours.start} ...).
 */
public final class QuietHoursInput {

  public static final String START = "quietHours.start";
  public static final String END = "quietHours.end";
  public static final String TIME_ZONE = "quietHours.timeZone";

  private QuietHoursInput() {}

  /** @param timeZone blank or null: the stored recipient's zone, else UTC */
  public static QuietHoursSetting parse(String start, String end, String timeZone) {
    List<FieldViolation> violations = new ArrayList<>();
    LocalTime from = time(start, START, violations);
    LocalTime to = time(end, END, violations);
    String zone = timeZone == null || timeZone.isBlank() ? null : timeZone.strip();
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        violations.add(new FieldViolation(TIME_ZONE, "is not a time zone id such as Europe/Berlin"));
      }
    }
    if (from != null && from.equals(to)) {
      violations.add(new FieldViolation(END, "must differ from start (no quiet hours: leave them out)"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return new QuietHoursSetting(from, to, zone);
  }

  private static LocalTime time(String value, String field, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      violations.add(new FieldViolation(field, "is required: a local time HH:mm, e.g. 22:00"));
      return null;
    }
    try {
      return LocalTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      violations.add(new FieldViolation(field, "is not a local time HH:mm, e.g. 22:00"));
      return null;
    }
  }
}
