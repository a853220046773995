package dev.herald.api.template;

import dev.herald.activities.template.PartCheck;
import dev.herald.activities.template.TemplateRenderException;
import dev.herald.activities.text.TextRules;
import dev.herald.api.notification.FieldViolation;
import java.util.List;
import java.util.Optional;

/** One part's rules checked on a request, each broken one naming its field ({@code defaults.email.subject}). */
final class PartViolations implements PartCheck {

  static final int MAX_PART_CHARS = 100_000;

  private final String path;
  private final String key;
  private final List<FieldViolation> violations;

  /** {@code path} is where the parts are ({@code defaults}, {@code locales.ko}), {@code key} the part's channel key. */
  PartViolations(String path, String key, List<FieldViolation> violations) {
    this.path = path;
    this.key = key;
    this.violations = violations;
  }

  @Override
  public void required(String name, String value) {
    if (blank(value)) {
      violations.add(new FieldViolation(field(name), "is required"));
    }
  }

  @Override
  public void requiredWithout(String name, String value, String other, String otherValue) {
    if (blank(value) && blank(otherValue)) {
      violations.add(new FieldViolation(field(name), "is required when " + key + "." + other + " is absent"));
    }
  }

  /** Too long or not valid Mustache. */
  @Override
  public void source(String name, String value) {
    Optional<String> key = TextRules.line(name, MAX_PART_CHARS);
    if (key.isPresent()) {
      violations.add(new FieldViolation(path + "." + this.key, "has a key that " + key.get()));
      return;
    }
    if (value == null) {
      return;
    }
    Optional<String> text = TextRules.text(value, MAX_PART_CHARS);
    if (text.isPresent()) {
      violations.add(new FieldViolation(field(name), text.get()));
      return;
    }
    try {
      PartCheck.compiles(value, field(name));
    } catch (TemplateRenderException e) {
      violations.add(new FieldViolation(field(name), "is not a valid Mustache template: " + e.getMessage()));
    }
  }

  private String field(String name) {
    return path + "." + key + "." + name;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
