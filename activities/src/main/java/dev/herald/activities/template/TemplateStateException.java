package dev.herald.activities.template;

/** Not possible in the template's current state: the key is taken, or its active version forbids deletion. */
public class TemplateStateException extends RuntimeException {

  public TemplateStateException(String message) {
    super(message);
  }
}
