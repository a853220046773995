package dev.herald.activities.email;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Date header of mail sent now (RFC 5322 date-time, UTC), formatted once per second: a broadcast
 * sends thousands a second with the same one. Jakarta Mail's own (MailDateFormat) is a synchronized
 * SimpleDateFormat run for every message.
 */
final class DateHeader {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

  private record Formatted(long second, String value) {}

  private final Clock clock;
  private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

  DateHeader(Clock clock) {
    this.clock = clock;
  }

  String now() {
    Instant now = clock.instant();
    Formatted formatted = last;
    if (formatted.second() != now.getEpochSecond()) {
      formatted = new Formatted(now.getEpochSecond(), FORMAT.format(now));
      last = formatted;
    }
    return formatted.value();
  }
}
