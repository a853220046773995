package dev.herald.api.console.session;

import dev.herald.activities.session.ConsoleSessions;
import dev.herald.api.console.ConsoleProperties;
import dev.herald.api.security.Caller;
import dev.herald.api.security.CallerAuthentication;
import dev.herald.api.security.KeySignIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a console request's session cookie its {@link Caller}: the session must be live and its API
 * key not revoked. A cookie that opens nothing is cleared, and the request goes on anonymous (the
 * console's rules then send it to sign in).
 */
public final class SessionFilter extends OncePerRequestFilter {

  private final ConsoleSessions sessions;
  private final KeySignIn keys;
  private final SessionCookie cookie;
  private final ConsoleProperties settings;

  public SessionFilter(ConsoleSessions sessions, KeySignIn keys, SessionCookie cookie, ConsoleProperties settings) {
    this.sessions = sessions;
    this.keys = keys;
    this.cookie = cookie;
    this.settings = settings;
  }

  /** The console's scripts and styles are open to all: reading a session for them would cost two reads each. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/console/assets/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> token = cookie.read(request);
    Optional<Caller> caller = token.flatMap(t -> sessions.keyOf(t, settings.sessionIdle())).flatMap(keys::callerOf);
    if (token.isPresent() && caller.isEmpty()) {
      cookie.clear(request, response);
    }
    if (caller.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller.get()));
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
