package dev.herald.api.console;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A console page's errors as a page in the layout, with the status and words of the API's problem
 * catalog (not found, not in this state, Temporal unavailable...). Forms show their own field errors
 * ({@link FormErrors}); this is what is left.
 */
@ControllerAdvice(annotations = ConsoleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

  private final ConsoleLayout layout;

  ConsoleErrors(ConsoleLayout layout) {
    this.layout = layout;
  }

  @ExceptionHandler(ProblemException.class)
  ModelAndView problem(ProblemException e, HttpServletRequest request) {
    return page(e.type(), e.getMessage(), request);
  }

  /** The error page of a problem type, with its detail, in the layout of whoever is signed in. */
  ModelAndView page(ProblemType type, String detail, HttpServletRequest request) {
    Caller caller = SecurityContextHolder.getContext().getAuthentication() != null
        && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof Caller c ? c : null;
    ModelAndView page = new ModelAndView("console/problem", type.status());
    page.addObject("frame", layout.frame(caller, request));
    page.addObject("problemTitle", type.title());
    page.addObject("detail", detail);
    return page;
  }
}
