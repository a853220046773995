package dev.herald.api.notification;

import dev.herald.api.problem.InvalidRequest;
import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;
import java.util.List;
import java.util.stream.Collectors;

/** A request that breaks the rules; nothing was started. Its message (all violations) is a dead letter's reason. */
public class InvalidRequestException extends ProblemException {

  private final transient List<FieldViolation> violations;

  public InvalidRequestException(List<FieldViolation> violations) {
    super(ProblemType.INVALID_REQUEST,
        violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
    property("errors", this.violations);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  @Override
  protected String detail() {
    return InvalidRequest.detail(violations);
  }
}
