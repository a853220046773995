package dev.herald.activities.template;

/**
 * The rules a part asks of a new version, by its own field names ({@code subject}); whoever checks
 * (the API) names the field in full ({@code defaults.email.subject}).
 */
public interface PartCheck {

  /** {@code value} must not be blank. */
  void required(String name, String value);

  /** {@code value} must not be blank when {@code other}'s value is blank too. */
  void requiredWithout(String name, String value, String other, String otherValue);

  /** {@code value}, when given, must be a Mustache source Herald renders. */
  void source(String name, String value);

  /**
   * Compiles {@code source} as Herald renders it, without rendering: what {@link #source} asks.
   * @throws TemplateRenderException naming {@code field} on bad syntax or a partial
   */
  static void compiles(String source, String field) {
    MustacheParts.check(source, field);
  }
}
