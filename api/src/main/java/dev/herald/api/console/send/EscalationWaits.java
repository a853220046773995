package dev.herald.api.console.send;

import dev.herald.api.notification.InvalidRequestException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Send form's escalation waits as typed: comma-separated, each {@code 45s}, {@code 30m}, {@code 2h},
 * {@code 1d} or ISO-8601 ({@code PT30M}); empty: none. Whether they fit the channels is the API's rule.
 */
final class EscalationWaits {

  static final String FIELD = "escalateAfter";
  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([smhd])");

  private EscalationWaits() {}

  /** @throws InvalidRequestException naming {@value #FIELD} for a wait it cannot read */
  static List<Duration> of(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    List<Duration> waits = new ArrayList<>();
    for (String part : typed.split(",")) {
      waits.add(wait(part.strip().toLowerCase(Locale.ROOT)));
    }
    return waits;
  }

  private static Duration wait(String part) {
    Matcher m = SHORT.matcher(part);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(part.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(FIELD, "'" + part + "' is not a wait such as 30m, 2h or PT30M");
    }
  }
}
