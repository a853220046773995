package dev.herald.devkit.simulator.twilio;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Twilio's checks of a create request, in its order, with its error codes; the "To" numbers Twilio
 * reserves for test credentials get their documented errors (+15005550001 invalid, +15005550004
 * unsubscribed, +15005550009 not a mobile number).
 */
final class TwilioRequestChecks {

  static final int MAX_BODY_CHARS = 1600;
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
  private static final Map<String, Integer> MAGIC_SMS_TO = Map.of("+15005550001", 21211, "+15005550004", 21610,
      "+15005550009", 21614);
  private static final Map<String, Integer> MAGIC_CALL_TO = Map.of("+15005550001", 21217);

  private TwilioRequestChecks() {}

  static Optional<TwilioApiError> message(Map<String, String> form) {
    String to = form.get("To");
    String body = form.get("Body");
    if (blank(to)) {
      return Optional.of(TwilioApiError.of(21604));
    }
    if (blank(form.get("From"))) {
      return Optional.of(TwilioApiError.of(21603));
    }
    if (blank(body)) {
      return Optional.of(TwilioApiError.of(21602));
    }
    if (body.length() > MAX_BODY_CHARS) {
      return Optional.of(TwilioApiError.of(21617));
    }
    if (!E164.matcher(to).matches()) {
      return Optional.of(TwilioApiError.of(21211));
    }
    return Optional.ofNullable(MAGIC_SMS_TO.get(to)).map(TwilioApiError::of);
  }

  static Optional<TwilioApiError> call(Map<String, String> form) {
    String to = form.get("To");
    if (blank(to)) {
      return Optional.of(TwilioApiError.of(21201));
    }
    if (blank(form.get("From"))) {
      return Optional.of(TwilioApiError.of(21213));
    }
    if (blank(form.get("Twiml")) && blank(form.get("Url"))) {
      return Optional.of(TwilioApiError.of(21205));
    }
    if (!E164.matcher(to).matches()) {
      return Optional.of(TwilioApiError.of(21211));
    }
    return Optional.ofNullable(MAGIC_CALL_TO.get(to)).map(TwilioApiError::of);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
