package dev.herald.api.web;

import dev.herald.activities.text.TextRules;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API's path variables and query or form parameters meet {@link TextRules} before any
 * controller looks something up by them: a recipient id with U+0000 is a 400 naming the parameter,
 * not a database error. Bodies are checked by each request's own rules.
 */
@Configuration(proxyBeanMethods = false)
class RequestTextCheck implements WebMvcConfigurer, HandlerInterceptor {

  /** Longer than any id, key or cursor; a form field (an inbound SMS body) fits too. */
  static final int MAX_PARAMETER_CHARS = 10_000;

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    List<FieldViolation> violations = new ArrayList<>();
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
      variables.forEach((name, value) -> TextRules.line(String.valueOf(value), MAX_PARAMETER_CHARS)
          .ifPresent(problem -> violations.add(new FieldViolation(String.valueOf(name), problem))));
    }
    request.getParameterMap().forEach((name, values) -> {
      TextRules.line(name, MAX_PARAMETER_CHARS)
          .ifPresent(problem -> violations.add(new FieldViolation("(parameter name)", problem)));
      for (String value : values) {
        TextRules.text(value, MAX_PARAMETER_CHARS)
            .ifPresent(problem -> violations.add(new FieldViolation(name, problem)));
      }
    });
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return true;
  }
}
