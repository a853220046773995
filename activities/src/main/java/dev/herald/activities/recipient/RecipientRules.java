package dev.herald.activities.recipient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.email.EmailAddresses;
import dev.herald.activities.sms.PhoneNumbers;
import dev.herald.activities.text.TextRules;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules a recipient must follow, shared by the REST API and the bulk import. */
public final class RecipientRules {

  public static final int MAX_ID_CHARS = 200;
  public static final int MAX_NAME_CHARS = 200;
  public static final int MAX_ATTRIBUTES_CHARS = 16_384;
  public static final int MAX_PHONE_CHARS = 64;
  /** Longer than any BCP 47 tag people write (zh-Hant-TW, es-419). */
  public static final int MAX_LOCALE_CHARS = 35;
  /**
   * A Slack user id (U…, W… on Enterprise Grid) or conversation id (C… channel, G… private channel, D…
   * direct message), as Slack writes them: upper case letters and digits.
   */
  public static final Pattern SLACK_ID = Pattern.compile("^[UWCGD][A-Z0-9]{2,20}$");
  public static final String SLACK_ID_RULE =
      "must be a Slack user id (U0123ABCD, W…) or conversation id (C…, G…, D…): " + SLACK_ID.pattern();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Either the normalized recipient or what is wrong with it. */
  public record Checked(RecipientData recipient, List<Violation> violations) {
    public boolean valid() {
      return violations.isEmpty();
    }
  }

  private RecipientRules() {}

  /** Checks every field; blank optional fields become absent, the phone becomes E.164, the locale its canonical tag. */
  public static Checked check(RecipientData data, String defaultPhoneRegion) {
    List<Violation> violations = new ArrayList<>();
    idViolation(data.id()).ifPresent(violations::add);
    String name = blankToNull(data.name());
    // a quoted CSV cell may span lines; where a name goes into a header line, the adapter makes it one
    TextRules.text(name, MAX_NAME_CHARS).ifPresent(problem -> violations.add(new Violation("name", problem)));
    String locale = blankToNull(data.locale());
    if (locale != null) {
      locale = locale(locale).orElse(null);
      if (locale == null) {
        violations.add(new Violation("locale", "must be a BCP 47 language tag such as en, ko-KR or pt-BR"));
      }
    }
    String timeZone = blankToNull(data.timeZone());
    if (timeZone != null && !ZoneId.getAvailableZoneIds().contains(timeZone)) {
      violations.add(new Violation("timeZone", "must be an IANA time zone such as Europe/Paris or Asia/Seoul"));
    }
    String email = blankToNull(data.email());
    if (email != null) {
      EmailAddresses.problem(email).ifPresent(problem -> violations.add(new Violation("email", problem)));
    }
    String phone = blankToNull(data.phone());
    Optional<String> phoneText = TextRules.line(phone, MAX_PHONE_CHARS);
    if (phoneText.isPresent()) {
      violations.add(new Violation("phone", phoneText.get()));
    } else if (phone != null) {
      phone = PhoneNumbers.toE164(phone, blankToNull(defaultPhoneRegion)).orElse(null);
      if (phone == null) {
        violations.add(new Violation("phone", "is not a valid phone number; write it in E.164, e.g. +14155550123"));
      }
    }
    String slack = blankToNull(data.slack());
    if (slack != null && !isSlackId(slack)) {
      violations.add(new Violation("slack", SLACK_ID_RULE));
    }
    List<Violation> attributes = new ArrayList<>();
    TextRules.json(data.attributes(), "attributes", MAX_ATTRIBUTES_CHARS,
        (field, problem) -> attributes.add(new Violation(field, problem)));
    violations.addAll(attributes);
    if (attributes.isEmpty() && attributesChars(data) > MAX_ATTRIBUTES_CHARS) {
      violations.add(new Violation("attributes", "must be at most " + MAX_ATTRIBUTES_CHARS + " characters as JSON"));
    }
    RecipientData normalized = new RecipientData(data.id(), name, locale, timeZone, email, phone, slack,
        data.attributes());
    return new Checked(normalized, List.copyOf(violations));
  }

  /** A Slack user or conversation id as Slack writes it (see {@link #SLACK_ID}). */
  public static boolean isSlackId(String value) {
    return value != null && SLACK_ID.matcher(value).matches();
  }

  public static Optional<Violation> idViolation(String id) {
    if (id == null || id.isBlank()) {
      return Optional.of(new Violation("id", "is required: the recipient's id in the sender's system"));
    }
    if (id.length() > MAX_ID_CHARS) {
      return Optional.of(new Violation("id", "must be at most " + MAX_ID_CHARS + " characters"));
    }
    if (id.chars().anyMatch(c -> Character.isISOControl(c) || c == '/') || !id.strip().equals(id)) {
      return Optional.of(new Violation("id", "must not contain control characters, '/' or surrounding spaces"));
    }
    return TextRules.line(id, MAX_ID_CHARS).map(problem -> new Violation("id", problem));
  }

  static String toJson(Map<String, Object> attributes) {
    try {
      return JSON.writeValueAsString(attributes);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("attributes are not JSON", e);
    }
  }

  private static int attributesChars(RecipientData data) {
    return data.attributes().isEmpty() ? 2 : toJson(data.attributes()).length();
  }

  /** The canonical form of a BCP 47 tag (ko-kr -> ko-KR), or empty when it is none. */
  public static Optional<String> locale(String tag) {
    if (tag == null || tag.length() > MAX_LOCALE_CHARS) {
      return Optional.empty();
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(tag).build();
      return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale.toLanguageTag());
    } catch (IllformedLocaleException e) {
      return Optional.empty();
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
