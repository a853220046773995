package dev.herald.api.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (the servlet container's own, a filter's) as problems of the
 * catalog too, instead of Spring Boot's {@code {"timestamp","error","path"}} page.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.APPLICATION_PROBLEM_JSON_VALUE)
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    ProblemType type = ProblemType.of(status);
    ProblemDetail problem = type == ProblemType.INTERNAL_ERROR
        ? type.detail("something went wrong on our side; the error was logged")
        : type.detail(type.title());
    problem.setStatus(status.value());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static HttpStatus status(Object code) {
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
