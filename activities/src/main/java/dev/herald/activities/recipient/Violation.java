package dev.herald.activities.recipient;

/** What is wrong with one field of a recipient, e.g. {@code phone}: "is not a valid phone number". */
public record Violation(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
