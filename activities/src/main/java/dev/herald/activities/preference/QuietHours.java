package dev.herald.activities.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A recipient's daily quiet window in its time zone, e.g. 22:00-08:00 (overnight when it ends before
 * it starts); equal times are no window. Local times follow the zone's rules on each day, so a window
 * ends at 08:00 local on either side of a DST change, and a zone across the date line is no special case.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  /** When the window holding {@code at} ends; empty when {@code at} is outside every window. */
  public Optional<Instant> endOfWindowAt(Instant at) {
    if (start.equals(end)) {
      return Optional.empty();
    }
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean overnight = start.isAfter(end);
    boolean inside = overnight ? !time.isBefore(start) || time.isBefore(end)
        : !time.isBefore(start) && time.isBefore(end);
    if (!inside) {
      return Optional.empty();
    }
    LocalDate endDay = overnight && !time.isBefore(start) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
    // a local end time in a DST gap moves past the gap; in an overlap it is the earlier instant
    return Optional.of(ZonedDateTime.of(endDay, end, zone).toInstant());
  }
}
