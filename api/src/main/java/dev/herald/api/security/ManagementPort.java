package dev.herald.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The Prometheus scrape on a separate management port ({@code management.server.port}, e.g.
 * {@code MANAGEMENT_SERVER_PORT=9464}): open there without a credential, since that port is meant to be
 * reachable by the monitoring network only. On the API's own port it stays an admin endpoint.
 */
@Component
class ManagementPort {

  static final String SCRAPE = "/actuator/prometheus";

  private final Environment environment;
  private final RequestMatcher scrape = PathPatternRequestMatcher.withDefaults().matcher(SCRAPE);

  ManagementPort(Environment environment) {
    this.environment = environment;
  }

  /** The scrape, asked on the management port when it is not the server's. */
  RequestMatcher scrapeMatcher() {
    return request -> onManagementPort(request) && scrape.matches(request);
  }

  private boolean onManagementPort(HttpServletRequest request) {
    // set once each server listens (the management one only when it has its own port)
    Integer management = environment.getProperty("local.management.port", Integer.class);
    Integer server = environment.getProperty("local.server.port", Integer.class);
    return management != null && !management.equals(server) && request.getLocalPort() == management;
  }
}
