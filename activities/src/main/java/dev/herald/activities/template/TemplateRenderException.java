package dev.herald.activities.template;

/**
 * A template that cannot be rendered (bad Mustache syntax, a channel it has no part for, a missing
 * variable). Permanent: rendering again fails the same way. {@code field} names the part, e.g.
 * {@code email.subject}, or {@code channel}.
 */
public class TemplateRenderException extends RuntimeException {

  private final String field;

  public TemplateRenderException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
