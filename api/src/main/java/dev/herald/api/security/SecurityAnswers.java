package dev.herald.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.problem.InvalidRequest;
import dev.herald.api.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * The answers of the security filters, which run before MVC's exception handlers: 401 with {@code
 * WWW-Authenticate: Bearer realm="herald"} (RFC 6750, {@code error="invalid_token"} for a bad,
 * expired or revoked credential), 403 for the wrong role, 429 with {@code Retry-After} after too
 * many failed attempts and 400 for what the firewall refuses, each a problem of the catalog ({@link ProblemType}).
 */
@Component
class SecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

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
    write(response, ProblemType.UNAUTHORIZED.detail(
        "send an API key or a recipient token as Authorization: Bearer <credential>"));
  }

  void invalidCredential(HttpServletResponse response) throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"");
    write(response, ProblemType.UNAUTHORIZED.detail("the credential is unknown, revoked, expired or malformed"));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(response, ProblemType.FORBIDDEN.detail("this credential's role may not do this"));
  }

  /** The firewall's refusal (an encoded slash or dot in the path, a control character in a header): a 400. */
  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    write(response, InvalidRequest.of(List.of(new FieldViolation("request",
        "its path or a header holds what is refused: an encoded slash, dot or percent, a control character"))));
  }

  void tooManyAttempts(HttpServletResponse response, Duration retryAfter) throws IOException {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    write(response, ProblemType.TOO_MANY_ATTEMPTS.detail(
        "too many failed authentications from this address or for this key; retry after " + seconds + " s"));
  }

  private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
