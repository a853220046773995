package dev.herald.api.console.send;

import dev.herald.api.notification.InvalidRequestException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A send time as the form gives it: a {@code datetime-local} value (2026-05-01T09:30, seconds
 * optional) in the sender's time zone, which the browser fills in (an IANA name, e.g. Asia/Seoul);
 * UTC when the browser gave none. A local time that a clock change skips is taken as the time after
 * the gap, one that occurs twice as the first (java.time's rule).
 */
final class SendTime {

  static final ZoneId WITHOUT_ZONE = ZoneOffset.UTC;

  private SendTime() {}

  /** The zone of the form's field, or UTC. @throws InvalidRequestException naming sendAt for an unknown zone */
  static ZoneId zone(String timeZone) {
    if (timeZone == null || timeZone.isBlank()) {
      return WITHOUT_ZONE;
    }
    try {
      return ZoneId.of(timeZone.trim());
    } catch (DateTimeException e) {
      throw new InvalidRequestException("sendAt", "the time zone '" + timeZone + "' is not known here");
    }
  }

  /** The instant, or null when no time was typed. @throws InvalidRequestException naming sendAt */
  static Instant instant(String localTime, String timeZone) {
    if (localTime == null || localTime.isBlank()) {
      return null;
    }
    ZoneId zone = zone(timeZone);
    try {
      return LocalDateTime.parse(localTime.trim()).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException("sendAt", "is not a date and time such as 2026-05-01T09:30");
    }
  }
}
