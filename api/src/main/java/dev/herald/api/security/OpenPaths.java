package dev.herald.api.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths open without a credential: health, the Twilio webhooks (verified by signature),
 * herald-inbox.js, and {@code herald.security.open-paths} (none outside the dev kit). One list for
 * the security rules and for the OpenAPI document.
 */
@Component
public class OpenPaths {

  static final List<String> ALWAYS = List.of("/actuator/health", "/actuator/health/**", "/api/v1/webhooks/twilio/**",
      "/herald-inbox.js");

  private final List<String> patterns;

  OpenPaths(SecurityProperties settings) {
    List<String> all = new ArrayList<>(ALWAYS);
    all.addAll(settings.openPaths());
    this.patterns = List.copyOf(all);
  }

  RequestMatcher matcher() {
    return new OrRequestMatcher(patterns.stream()
        .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
  }

  /** Whether a path (or a path template such as {@code /api/v1/dev/simulators/{simulator}/faults}) is open. */
  public boolean isOpen(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return patterns.stream().map(PathPatternParser.defaultInstance::parse).anyMatch((PathPattern p) -> p.matches(container));
  }
}
