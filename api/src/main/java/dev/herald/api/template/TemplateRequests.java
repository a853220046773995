package dev.herald.api.template;

import dev.herald.activities.preference.Category;
import dev.herald.activities.template.ChannelParts;
import dev.herald.activities.template.TemplateParts;
import dev.herald.activities.text.TextRules;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules of the template requests; each broken one names its field (JSON path). A new template is
 * checked by Bean Validation ({@link CreateTemplateRequest}); versions and previews here: their parts
 * and variables sit in maps keyed by locale, channel and name, which the rules name in their paths.
 */
public final class TemplateRequests {

  static final String KEY = "^[a-z0-9][a-z0-9._-]{0,99}$";
  static final String KEY_REQUIRED = "is required: the notification type, e.g. order-shipped";
  static final String KEY_RULE = "must be 1-100 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit";
  private static final Pattern KEY_PATTERN = Pattern.compile(KEY);
  /** A BCP 47 tag as people write them: ko, ko-KR, zh-Hant-TW, es-419. */
  static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8}){0,3}");
  public static final String CATEGORY_RULE =
      "must be 1-64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit, e.g. marketing";
  static final int MAX_OWNER_CHARS = 200;
  static final int MAX_DESCRIPTION_CHARS = 1000;
  static final int MAX_LOCALES = 100;
  static final int MAX_VARIABLE_CHARS = 65_536;

  private TemplateRequests() {}

  /** Whether a locale variant may be named so (ko, ko-KR), as a version's {@code locales} asks. */
  public static boolean isLocaleTag(String tag) {
    return tag != null && LOCALE.matcher(tag).matches();
  }

  static void validate(CreateVersionRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    boolean anyPart = request.defaults() != null && !ChannelParts.NONE.equals(request.defaults());
    if (request.defaults() != null) {
      parts("defaults", request.defaults(), violations);
    }
    Map<String, ChannelParts> locales = request.locales() == null ? Map.of() : request.locales();
    if (locales.size() > MAX_LOCALES) {
      violations.add(new FieldViolation("locales", "must have at most " + MAX_LOCALES + " locales"));
    }
    locales.forEach((tag, parts) -> {
      if (!isLocaleTag(tag)) {
        violations.add(new FieldViolation("locales." + tag, "is not a locale tag such as ko or ko-KR"));
      } else if (parts == null || ChannelParts.NONE.equals(parts)) {
        violations.add(new FieldViolation("locales." + tag, "must have at least one channel part"));
      } else {
        parts("locales." + tag, parts, violations);
      }
    });
    if (request.settings() != null && request.settings().category() != null
        && !request.settings().category().matches(Category.NAME)) {
      violations.add(new FieldViolation("settings.category", CATEGORY_RULE));
    }
    if (request.settings() != null && request.settings().digest() != null) {
      request.settings().digest().violations()
          .forEach((field, rule) -> violations.add(new FieldViolation("settings.digest." + field, rule)));
    }
    if (!anyPart && locales.isEmpty()) {
      violations.add(new FieldViolation("defaults",
          "is required: at least one channel part (" + String.join(", ", TemplateParts.keys()) + ")"));
    }
    throwIfAny(violations);
  }

  static void validate(PreviewRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    if (request.version() != null && request.version() < 1) {
      violations.add(new FieldViolation("version", "must be 1 or more"));
    }
    if (request.locale() != null && !LOCALE.matcher(request.locale()).matches()) {
      violations.add(new FieldViolation("locale", "is not a locale tag such as ko or ko-KR"));
    }
    if (request.variables() != null) {
      TextRules.json(request.variables(), "variables", MAX_VARIABLE_CHARS,
          (field, problem) -> violations.add(new FieldViolation(field, problem)));
    }
    throwIfAny(violations);
  }

  static void requireKey(String key) {
    List<FieldViolation> violations = new ArrayList<>();
    keyViolation("key", key, violations);
    throwIfAny(violations);
  }

  /**
   * Each part's own rules, in a locale variant too: a variant's text replaces the default's wholesale
   * (only the sender, icon, links and data are inherited).
   */
  private static void parts(String path, ChannelParts parts, List<FieldViolation> violations) {
    parts.forEach((key, part) -> part.check(new PartViolations(path, key, violations)));
  }

  private static void keyViolation(String field, String key, List<FieldViolation> violations) {
    if (key == null || key.isBlank()) {
      violations.add(new FieldViolation(field, KEY_REQUIRED));
    } else if (!KEY_PATTERN.matcher(key).matches()) {
      violations.add(new FieldViolation(field, KEY_RULE));
    }
  }

  private static void throwIfAny(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
