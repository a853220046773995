package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.workflows.messages.DigestRule;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * A version's digest, as written in its settings: its notifications are collected per recipient and
 * {@code key} (the template key when absent) and sent as one message when a window ends, either
 * {@code window} after the first event ({@code 10m}, {@code 2h}, {@code PT30M}) or at {@code dailyAt}
 * ({@code HH:mm}) in the recipient's time zone. Exactly one of the two.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateDigest(String key, String window, String dailyAt) {

  public static final Duration SHORTEST = Duration.ofSeconds(1);
  public static final Duration LONGEST = Duration.ofDays(7);
  private static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,99}$");
  private static final Pattern DAILY = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");

  /** What is wrong, by field below {@code settings.digest}; empty when it is right. */
  public Map<String, String> violations() {
    Map<String, String> violations = new LinkedHashMap<>();
    if (key != null && !KEY.matcher(key).matches()) {
      violations.put("key", "must be 1-100 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
    }
    if ((window == null) == (dailyAt == null)) {
      violations.put("window", "name exactly one of window (e.g. 10m) and dailyAt (e.g. 09:00)");
    } else if (window != null) {
      Duration length = length();
      if (length == null || length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
        violations.put("window", "must be a duration from 1s to 7d, e.g. 10m, 2h or PT30M");
      }
    } else if (!DAILY.matcher(dailyAt).matches()) {
      violations.put("dailyAt", "must be a time of day as HH:mm, e.g. 09:00");
    }
    return violations;
  }

  /** The rule a notification of template {@code templateKey} carries (a version whose digest passed {@link #violations}). */
  public DigestRule rule(String templateKey) {
    return new DigestRule(key == null ? templateKey : key, window == null ? null : length(),
        dailyAt == null ? null : LocalTime.parse(dailyAt));
  }

  private Duration length() {
    try {
      return DurationStyle.detectAndParse(window);
    } catch (IllegalArgumentException | DateTimeParseException notADuration) {
      return null;
    }
  }
}
