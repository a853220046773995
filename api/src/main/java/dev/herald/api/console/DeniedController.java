package dev.herald.api.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page {@link ConsoleAnswers} forwards to: why the request was refused, 403. */
@ConsoleController
class DeniedController {

  @RequestMapping(ConsoleAnswers.DENIED)
  String denied(HttpServletRequest request, HttpServletResponse response, Model model) {
    Object reason = request.getAttribute(ConsoleAnswers.REASON);
    model.addAttribute("reason", reason != null ? reason : "You may not open this page.");
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "console/denied";
  }
}
