package dev.herald.api.console;

import dev.herald.activities.session.ConsoleSessions;
import dev.herald.api.console.session.SessionCookie;
import dev.herald.api.console.session.SessionFilter;
import dev.herald.api.security.KeySignIn;
import dev.herald.api.security.Role;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open which console page, ahead of the API's chain: a session cookie (opened by signing in
 * with an API key) instead of a bearer key, so every form and script call carries a CSRF token
 * (Spring Security's, in its own SameSite=Strict cookie, masked per response). Pages come with a
 * strict Content-Security-Policy: scripts and styles from Herald only, nothing inline, no framing.
 */
@Configuration
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurityConfig {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Every path of the console: this chain's, and where an unknown path is the console's "Not found" page. */
  static final RequestMatcher CONSOLE = new OrRequestMatcher(path("/console"), path("/console/**"));

  @Bean
  @Order(1)
  SecurityFilterChain console(HttpSecurity http, ConsoleSessions sessions, KeySignIn keys, ConsoleProperties settings,
      List<ConsolePage> pages, ConsoleAnswers answers) throws Exception {
    CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();
    csrf.setCookieName("herald_console_csrf");
    csrf.setCookiePath("/console");
    csrf.setCookieCustomizer(cookie -> {
      cookie.sameSite("Strict");
      if (settings.secureCookie()) {
        cookie.secure(true);
      }
    });
    RequestMatcher[] adminPages = pages.stream().filter(ConsolePage::adminOnly)
        .flatMap(page -> List.of(path(page.path()), path(page.path() + "/**")).stream()).toArray(RequestMatcher[]::new);
    http
        .securityMatcher(CONSOLE)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(c -> c.csrfTokenRepository(csrf)
            // the session filter authenticates every request anew: that is no sign-in that should renew the token
            .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .headers(h -> h
            .contentSecurityPolicy(c -> c.policyDirectives(CSP))
            .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(f -> f.deny()))
        .addFilterBefore(new SessionFilter(sessions, keys, new SessionCookie(settings), settings),
            AnonymousAuthenticationFilter.class)
        .exceptionHandling(e -> e.authenticationEntryPoint(answers).accessDeniedHandler(answers))
        .authorizeHttpRequests(a -> {
          a.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
          a.requestMatchers(path("/console/sign-in"), path("/console/assets/**")).permitAll();
          if (adminPages.length > 0) {
            a.requestMatchers(adminPages).hasRole(Role.ADMIN.name());
          }
          a.anyRequest().hasAnyRole(Role.SENDER.name(), Role.ADMIN.name());
        });
    return http.build();
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
