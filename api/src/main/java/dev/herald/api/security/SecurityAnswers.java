package dev.herald.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * The answers of the security filters, which run before MVC's exception handlers: 401 with {@code
 * WWW-Authenticate: Bearer realm="herald"} (RFC 6750, {@code error="invalid_token"} for a bad,
 * expired or revoked credential), 403 for the wrong role and 429 with {@code Retry-After} after too
 * many failed attempts, each an RFC 9457 problem detail under /problems/.
 */
@Component
class SecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "Bearer realm=\"herald\"";

  private final ObjectMapper json;

  SecurityAnswers(ObjectMapper json) {
    this.json = json;
  }

  /** No credential on a path that needs one. */
  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
    write(response, problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
        "send an API key or a recipient token as Authorization: Bearer <credential>"));
  }

  void invalidCredential(HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"");
    write(response, problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
        "the credential is unknown, revoked, expired or malformed"));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(response, problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        "this credential's role may not do this"));
  }

  void tooManyAttempts(HttpServletResponse response, Duration retryAfter) throws IOException {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    write(response, problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many failed attempts",
        "too many failed authentications from this address or for this key; retry after " + seconds + " s"));
  }

  private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("/problems/" + type));
    problem.setTitle(title);
    return problem;
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
