package dev.herald.api.notification;

import java.util.List;
import java.util.stream.Collectors;

/** A request that breaks the rules; nothing was started. */
public class InvalidRequestException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public InvalidRequestException(List<FieldViolation> violations) {
    super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldViolation(field, message)));
  }

  public List<FieldViolation> violations() {
    return violations;
  }
}
