package dev.herald.api.problem;

import static dev.herald.activities.logging.RedactedFailure.withoutMessages;

import dev.herald.activities.template.TemplateNotFoundException;
import dev.herald.activities.template.TemplateStateException;
import dev.herald.api.notification.JsonProblems;
import dev.herald.api.notification.TemporalUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The problem-detail kernel: every error of the API, its own and Spring's, as an RFC 9457 problem of
 * the {@link ProblemType} catalog; bad input names the field in the caller's words. No stack traces,
 * no Java class names.
 */
@RestControllerAdvice
class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

  @ExceptionHandler(ProblemException.class)
  ProblemDetail problem(ProblemException e) {
    return e.problem();
  }

  @ExceptionHandler(TemporalUnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(TemporalUnavailableException e) {
    log.warn("Temporal unavailable: {}", e.getCause().getMessage());
    return ResponseEntity.status(e.type().status()).header(HttpHeaders.RETRY_AFTER, "5").body(((ProblemException) e).problem());
  }

  @ExceptionHandler(TemplateNotFoundException.class)
  ProblemDetail templateNotFound(TemplateNotFoundException e) {
    return ProblemType.NOT_FOUND.detail(e.getMessage());
  }

  @ExceptionHandler(TemplateStateException.class)
  ProblemDetail templateState(TemplateStateException e) {
    return ProblemType.WRONG_STATE.detail(e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return InvalidRequest.of(List.of(SpringProblems.typeMismatch(e)));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("unexpected error", withoutMessages(e));
    return ProblemType.INTERNAL_ERROR.detail("something went wrong on our side; the error was logged");
  }

  /** Malformed JSON, a wrong type, an unknown enum value: named by the JSON path of the field; or a body too large. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    if (BodyTooLargeException.in(e)) {
      return problem(ProblemType.BODY_TOO_LARGE.detail(BodyTooLargeException.DETAIL), headers);
    }
    return problem(InvalidRequest.of(List.of(JsonProblems.violationOf(e.getCause()))), headers);
  }

  /** A body's Bean Validation constraints, each named by its JSON path ({@code recipientIds[2]}). */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return problem(InvalidRequest.of(SpringProblems.violations(e.getBindingResult())), headers);
  }

  /** A parameter's Bean Validation constraints ({@code size} between 1 and 100), named by the parameter. */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(InvalidRequest.of(SpringProblems.violations(e)), headers);
  }

  /** Every other error Spring raises (405, 406, 415, a missing parameter ...): the catalog's type and a detail in words. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    return problem(SpringProblems.of(e, status), headers);
  }

  private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
    return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
  }
}
