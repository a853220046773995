package dev.herald.api.group;

import dev.herald.api.notification.FieldViolation;
import java.net.URI;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Unknown and duplicate groups as RFC 9457 problems (before the catch-all of the shared handler). */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = GroupController.class)
class GroupProblems {

  static final class GroupNotFoundException extends RuntimeException {
    GroupNotFoundException(String key) {
      super("no group has the key '" + key + "'");
    }
  }

  static final class GroupExistsException extends RuntimeException {
    GroupExistsException(String key) {
      super("a group with the key '" + key + "' exists already");
    }
  }

  @ExceptionHandler(GroupNotFoundException.class)
  ProblemDetail notFound(GroupNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Group not found", e.getMessage());
  }

  @ExceptionHandler(GroupExistsException.class)
  ProblemDetail exists(GroupExistsException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "group-exists", "Group exists already", e.getMessage());
    problem.setProperty("errors", List.of(new FieldViolation("key", "is taken")));
    return problem;
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("/problems/" + type));
    problem.setTitle(title);
    return problem;
  }
}
