package dev.herald.api.problem;

import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.IdempotencyConflictException;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.JsonProblems;
import dev.herald.api.notification.NotificationNotFoundException;
import dev.herald.api.notification.NotificationStateException;
import dev.herald.api.notification.TemporalUnavailableException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the API as an RFC 9457 problem detail; bad input names the field. No stack traces. */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    return invalidRequest(e.violations());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    String message = "cannot be '" + e.getValue() + "'";
    Class<?> type = e.getRequiredType();
    if (type != null) {
      message += "; expected " + JsonProblems.jsonType(type);
    }
    return invalidRequest(List.of(new FieldViolation(e.getName(), message)));
  }

  @ExceptionHandler(NotificationNotFoundException.class)
  ProblemDetail notFound(NotificationNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Notification not found", e.getMessage());
  }

  /** Same key, different request: 422 as the IETF Idempotency-Key draft advises. */
  @ExceptionHandler(IdempotencyConflictException.class)
  ProblemDetail conflict(IdempotencyConflictException e) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
        "Idempotency key already used for a different request", e.getMessage());
    problem.setProperty("errors", List.of(new FieldViolation("idempotencyKey", "already used for a different request")));
    problem.setProperty("notificationId", e.notificationId());
    return problem;
  }

  @ExceptionHandler(NotificationStateException.class)
  ProblemDetail wrongState(NotificationStateException e) {
    return problem(HttpStatus.CONFLICT, "wrong-state", "Not possible in the notification's current state", e.getMessage());
  }

  @ExceptionHandler(TemporalUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(TemporalUnavailableException e) {
    log.warn("Temporal unavailable: {}", e.getCause().getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", e.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("unexpected error", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "something went wrong on our side; the error was logged");
  }

  /** Malformed JSON, a wrong type, an unknown enum value: named by the JSON path of the field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(invalidRequest(List.of(JsonProblems.violationOf(e.getCause()))));
  }

  static ProblemDetail invalidRequest(List<FieldViolation> violations) {
    String detail = violations.size() == 1
        ? violations.get(0).field() + ": " + violations.get(0).message()
        : violations.size() + " fields are invalid";
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    problem.setProperty("errors", violations);
    return problem;
  }

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("/problems/" + type));
    problem.setTitle(title);
    return problem;
  }
}
