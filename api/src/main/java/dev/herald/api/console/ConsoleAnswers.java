package dev.herald.api.console;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * The console's answers before a page runs: a browser that is not signed in goes to the sign-in page
 * (and back to the page it asked for afterwards); a page the role may not open, or a form without its
 * CSRF token (an old tab, another site), gets the console's "not allowed" page, 403.
 */
@Component
class ConsoleAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String DENIED = "/console/denied";
  static final String REASON = ConsoleAnswers.class.getName() + ".reason";

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String next = HttpMethod.GET.matches(request.getMethod())
        ? path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : "/console";
    response.sendRedirect(request.getContextPath() + "/console/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException, ServletException {
    request.setAttribute(REASON, e instanceof CsrfException
        ? "This form is no longer valid (it was opened before you signed in again, or on another site). Reload the page and try again."
        : "Your API key's role may not open this page.");
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    request.getRequestDispatcher(DENIED).forward(request, response);
  }
}
