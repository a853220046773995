package dev.herald.api.problem;

import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * A request's Bean Validation rules where no {@code @Valid} body is bound (a console form builds the
 * API's request): the same violations, in the same words and field order, as the API's 400.
 */
@Component
public class RequestValidation {

  private final SpringValidatorAdapter validator;

  RequestValidation(Validator validator) {
    this.validator = new SpringValidatorAdapter(validator);
  }

  public List<FieldViolation> violations(Object request) {
    BeanPropertyBindingResult errors = new BeanPropertyBindingResult(request, "request");
    validator.validate(request, errors);
    return SpringProblems.violations(errors);
  }

  /** @throws InvalidRequestException naming each field that breaks a rule */
  public void check(Object request) {
    List<FieldViolation> violations = violations(request);
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
