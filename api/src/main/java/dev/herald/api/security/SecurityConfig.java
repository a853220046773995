package dev.herald.api.security;

import dev.herald.activities.attachment.AttachmentLinks;
import dev.herald.api.codec.TemporalCodecController;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Stateless: every request carries its credential (an API key or a recipient
 * token as a bearer token); no session, form login, HTTP Basic or CSRF token (a browser never sends a
 * bearer token by itself, so there is no cross-site request to forge). The console has its own chain
 * (api/console: a session cookie and CSRF tokens), ahead of this one. Open without a credential:
 * health, the Twilio webhooks (verified by signature), herald-inbox.js and {@code
 * herald.security.open-paths} (none outside the dev kit), and the Prometheus scrape on a separate management
 * port ({@link ManagementPort}). An attachment's content is open to a signed download link (its controller checks
 * the signature). Everything else needs a role.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfig {

  /** A recipient token's paths, beside senders and admins: the inbox, the recipient's devices and preferences. */
  static final String INBOX = "/api/v1/inbox/**";
  static final String DEVICES = "/api/v1/recipients/{recipientId}/devices/**";
  static final String PREFERENCES = "/api/v1/recipients/{recipientId}/preferences";
  static final String INBOX_STREAM = "/api/v1/inbox/stream";
  /** Admin only: keys, approvals, dead letters, stats, and the operator's endpoints (metrics, the API document, the payload codec). */
  static final List<String> ADMIN = List.of("/api/v1/api-keys/**", "/api/v1/approvals/**", "/api/v1/dead-letters/**",
      "/api/v1/stats",
      "/actuator/**",
      "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", TemporalCodecController.PATH + "/**");

  @Bean
  SecurityFilterChain api(HttpSecurity http, OpenPaths openPaths, VerifiedKeys keys, RecipientTokens tokens,
      FailedAttempts attempts, SecurityAnswers answers, ManagementPort managementPort) throws Exception {
    RequestMatcher open = new OrRequestMatcher(openPaths.matcher(), managementPort.scrapeMatcher());
    var filter = new BearerFilter(keys, tokens, attempts, answers, open, path(HttpMethod.GET, INBOX_STREAM));
    http
        .csrf(AbstractHttpConfigurer::disable)
        // the codec endpoint's CORS (CodecEndpointCors): a browser's preflight carries no credential
        .cors(Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .addFilterBefore(filter, AnonymousAuthenticationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(answers).accessDeniedHandler(answers))
        .authorizeHttpRequests(a -> a
            // an SSE stream's later dispatches and error pages were authorised with their request
            .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
            .requestMatchers(open).permitAll()
            .requestMatchers(ADMIN.stream().map(SecurityConfig::path).toArray(RequestMatcher[]::new))
            .hasRole(Role.ADMIN.name())
            .requestMatchers(path(HttpMethod.POST, "/api/v1/notifications/*/approval")).hasRole(Role.ADMIN.name())
            .requestMatchers(path(HttpMethod.PUT, "/api/v1/categories/*"), path(HttpMethod.DELETE, "/api/v1/categories/*"))
            .hasRole(Role.ADMIN.name())
            .requestMatchers(path(INBOX), path("/api/v1/inbox"), path(DEVICES), path("/api/v1/recipients/{recipientId}/devices"),
                path(PREFERENCES))
            .access(ownInbox())
            .requestMatchers(path(HttpMethod.GET, AttachmentLinks.PATH), path(HttpMethod.HEAD, AttachmentLinks.PATH))
            .access(signedLinkOrSender())
            .anyRequest().hasAnyRole(Role.SENDER.name(), Role.ADMIN.name()));
    return http.build();
  }

  /** One count of failed attempts for the API and the console's sign-in alike. */
  @Bean
  FailedAttempts failedAttempts(SecurityProperties settings, Clock clock) {
    return new FailedAttempts(settings.failedAttempts(), clock);
  }

  /**
   * Spring Security's firewall, less the parts the API does itself: it answers every method (405 with
   * Allow) and checks parameters at its door (RequestTextCheck); paths and headers stay checked.
   */
  @Bean
  WebSecurityCustomizer firewall(SecurityAnswers answers) {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setUnsafeAllowAnyHttpMethod(true);
    firewall.setAllowedParameterNames(name -> true);
    firewall.setAllowedParameterValues(value -> true);
    return web -> web.httpFirewall(firewall).requestRejectedHandler(answers);
  }

  /** Any sender or admin; a recipient token only for its own recipient (the path's or the recipientId parameter). */
  private static AuthorizationManager<RequestAuthorizationContext> ownInbox() {
    return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
      if (!(authentication.get() instanceof CallerAuthentication auth)) {
        return new AuthorizationDecision(false);
      }
      Caller caller = auth.getPrincipal();
      String named = context.getVariables().getOrDefault("recipientId",
          context.getRequest().getParameter("recipientId"));
      return new AuthorizationDecision(named == null || caller.mayActAsRecipient(named));
    };
  }

  /** Anyone with a download link's signature (its controller verifies it); without one, a sender or an admin. */
  private static AuthorizationManager<RequestAuthorizationContext> signedLinkOrSender() {
    return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> new AuthorizationDecision(
        context.getRequest().getParameter(AttachmentLinks.SIGNATURE) != null
            || (authentication.get() instanceof CallerAuthentication auth && auth.getPrincipal().role() != Role.RECIPIENT));
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
