package dev.herald.api.security;

import dev.herald.activities.apikey.ApiKeyFormat;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the request's credential ({@code Authorization: Bearer}, or {@code ?token=} on the inbox
 * stream, which EventSource opens without headers; only a recipient token there, as a URL ends up in
 * logs) and makes it the request's {@link Caller}. A request without one goes on anonymous, and the
 * rules of {@link SecurityConfig} answer it; a bad one is answered 401 here, and 429 after too many.
 */
final class BearerFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final VerifiedKeys keys;
  private final RecipientTokens tokens;
  private final FailedAttempts attempts;
  private final SecurityAnswers answers;
  private final RequestMatcher open;
  private final RequestMatcher tokenInQuery;

  BearerFilter(VerifiedKeys keys, RecipientTokens tokens, FailedAttempts attempts, SecurityAnswers answers,
      RequestMatcher open, RequestMatcher tokenInQuery) {
    this.keys = keys;
    this.tokens = tokens;
    this.attempts = attempts;
    this.answers = answers;
    this.open = open;
    this.tokenInQuery = tokenInQuery;
  }

  /** Open paths are not authenticated at all: the simulators there get vendors' own bearer tokens. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return open.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String credential = credential(request);
    if (credential == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = attempts.addressBlocked(address);
    if (wait.isPresent()) {
      answers.tooManyAttempts(response, wait.get());
      return;
    }
    boolean isToken = credential.startsWith(RecipientTokens.START);
    boolean inQuery = request.getHeader(HttpHeaders.AUTHORIZATION) == null;
    Optional<Caller> caller = Optional.empty();
    String prefix = null;
    if (isToken) {
      caller = tokens.verify(credential);
    } else if (!inQuery) {
      caller = keys.remembered(credential);
      if (caller.isEmpty()) {
        prefix = ApiKeyFormat.prefixOf(credential).orElse(null);
        wait = prefix == null ? Optional.empty() : attempts.prefixBlocked(prefix);
        if (wait.isPresent()) {
          answers.tooManyAttempts(response, wait.get());
          return;
        }
        caller = keys.verify(credential);
      }
    }
    if (caller.isEmpty()) {
      attempts.failed(address, prefix);
      answers.invalidCredential(response);
      return;
    }
    SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller.get()));
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private String credential(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null) {
      return header.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? header.substring(BEARER.length()).trim() : "";
    }
    if (tokenInQuery.matches(request)) {
      String token = request.getParameter("token");
      return token == null || token.isEmpty() ? null : token;
    }
    return null;
  }
}
