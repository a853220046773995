package dev.herald.api.console;

import dev.herald.api.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;

/** /console: the first page of the caller's menu. */
@ConsoleController
class HomeController {

  private final ConsoleLayout layout;

  HomeController(ConsoleLayout layout) {
    this.layout = layout;
  }

  @GetMapping({"/console", "/console/"})
  String home(@AuthenticationPrincipal Caller caller) {
    return "redirect:" + layout.home(caller);
  }
}
