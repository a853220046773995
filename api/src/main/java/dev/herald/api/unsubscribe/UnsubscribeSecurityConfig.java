package dev.herald.api.unsubscribe;

import dev.herald.activities.preference.links.PreferenceLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The unsubscribe links' pages, open to anyone holding a link, ahead of the API's chain: no credential,
 * no session, no CSRF token. A mail provider's one-click POST (RFC 8058) comes without cookies or a token
 * of Herald's, so the link's signed token is the capability, as the link in the mail is: a cross-site
 * form could do nothing its author could not do with the link itself. The page runs no script at all,
 * loads the console's stylesheet, and sends no Referer (the token is in its URL).
 */
@Configuration
class UnsubscribeSecurityConfig {

  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
      + "base-uri 'none'; frame-ancestors 'none'";

  @Bean
  @Order(2)
  SecurityFilterChain unsubscribe(HttpSecurity http) throws Exception {
    http
        .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(PreferenceLinks.PATH + "**"))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .headers(h -> h
            .contentSecurityPolicy(c -> c.policyDirectives(CSP))
            .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
            .frameOptions(f -> f.deny()))
        .authorizeHttpRequests(a -> a.anyRequest().permitAll());
    return http.build();
  }
}
