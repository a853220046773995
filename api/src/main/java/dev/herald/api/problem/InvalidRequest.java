package dev.herald.api.problem;

import dev.herald.api.notification.FieldViolation;
import java.util.List;
import org.springframework.http.ProblemDetail;

/** The 400 problem: its {@code errors} name each field that is wrong, its detail the first (or how many). */
public final class InvalidRequest {

  private InvalidRequest() {}

  public static ProblemDetail of(List<FieldViolation> violations) {
    ProblemDetail problem = ProblemType.INVALID_REQUEST.detail(detail(violations));
    problem.setProperty("errors", violations);
    return problem;
  }

  public static String detail(List<FieldViolation> violations) {
    return violations.size() == 1
        ? violations.get(0).field() + ": " + violations.get(0).message()
        : violations.size() + " fields are invalid";
  }
}
