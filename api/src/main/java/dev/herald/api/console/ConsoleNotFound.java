package dev.herald.api.console;

import dev.herald.api.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A console path that no page and no asset answers is the console's "Not found" page (404), not the
 * API's problem document. No console controller handles it (Spring's static resources report it), so
 * {@link ConsoleErrors} never sees it: this resolver runs before the API's exception handlers.
 */
@Component
class ConsoleNotFound implements HandlerExceptionResolver, Ordered {

  private static final String DETAIL = "There is no page of the console at this address.";

  private final ConsoleErrors errors;

  ConsoleNotFound(ConsoleErrors errors) {
    this.errors = errors;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception e) {
    if (!(e instanceof NoResourceFoundException) || !ConsoleSecurityConfig.CONSOLE.matches(request)) {
      return null;
    }
    return errors.page(ProblemType.NOT_FOUND, DETAIL, request);
  }

  /** Ahead of Spring MVC's resolvers (order 0), whose exception handlers include the API's. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
