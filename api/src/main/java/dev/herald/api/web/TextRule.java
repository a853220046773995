package dev.herald.api.web;

import dev.herald.activities.text.TextRules;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * A string field held to {@link TextRules} (a line, text, a token) as a Bean Validation constraint:
 * the violation's message is the rule's own words. Null is fine (absent); the OpenAPI document shows
 * {@link #max()} as maxLength.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TextRule.Check.class)
public @interface TextRule {

  Kind value();

  /** Characters (UTF-16) at most. */
  int max();

  String message() default "breaks the text rules";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  enum Kind {
    LINE, TEXT, TOKEN
  }

  final class Check implements ConstraintValidator<TextRule, String> {
    private Kind kind;
    private int max;

    @Override
    public void initialize(TextRule rule) {
      kind = rule.value();
      max = rule.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      Optional<String> problem = switch (kind) {
        case LINE -> TextRules.line(value, max);
        case TEXT -> TextRules.text(value, max);
        case TOKEN -> TextRules.token(value, max);
      };
      problem.ifPresent(message -> {
        context.disableDefaultConstraintViolation();
        // the rule's words as they are, not a message template
        context.buildConstraintViolationWithTemplate(message.replaceAll("([\\\\{}$])", "\\\\$1"))
            .addConstraintViolation();
      });
      return problem.isEmpty();
    }
  }
}
