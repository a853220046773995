package dev.herald.activities.template;

/**
 * A template referenced a variable the caller did not give, e.g. {@code missing variable 'order.id'
 * in email.subject}. Permanent: sending again with the same variables fails the same way.
 */
public class MissingTemplateVariableException extends TemplateRenderException {

  private final String variable;

  public MissingTemplateVariableException(String variable, String field) {
    super(field, "missing variable '" + variable + "' in " + field);
    this.variable = variable;
  }

  /** The variable as written in the template, e.g. {@code order.id}. */
  public String variable() {
    return variable;
  }
}
