package dev.herald.api.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The running app's {@link BearerFilter}, passed by one request at a time with the rest of the chain
 * left out: what authenticating a request costs, for the benchmarks (HeraldBenchmarks).
 */
public final class BearerAuthentication {

  private final Filter filter;
  private boolean authenticated;
  private final FilterChain rest = (request, response) ->
      authenticated = SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication;

  public BearerAuthentication(SecurityFilterChain chain) {
    this.filter = chain.getFilters().stream().filter(BearerFilter.class::isInstance).findFirst()
        .orElseThrow(() -> new IllegalStateException("the security chain has no BearerFilter"));
  }

  /**
   * A new request to send a notification with this bearer credential (none when null), ready to pass
   * the filter once: running it does, and fails unless the request came out with a caller (without a
   * credential: anonymous, as the filter passes it on to the rules).
   */
  public Runnable request(String credential) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/notifications");
    if (credential != null) {
      request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + credential);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    return () -> {
      authenticated = false;
      try {
        filter.doFilter(request, response, rest);
      } catch (IOException | ServletException e) {
        throw new IllegalStateException(e);
      }
      if (authenticated != (credential != null)) {
        throw new IllegalStateException("the filter answered " + response.getStatus() + " to a request "
            + (credential == null ? "without a credential" : "with a good credential"));
      }
    };
  }
}
