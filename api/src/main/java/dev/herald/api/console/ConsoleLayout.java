package dev.herald.api.console;

import dev.herald.api.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every console page its {@link ConsoleFrame} as {@code frame}. */
@ControllerAdvice(annotations = ConsoleController.class)
class ConsoleLayout {

  private final List<ConsolePage> pages;
  private final String temporalUiUrl;

  ConsoleLayout(List<ConsolePage> pages, ConsoleProperties settings) {
    this.pages = pages.stream().sorted(Comparator.comparingInt(ConsolePage::order)).toList();
    this.temporalUiUrl = settings.temporalUiUrl() == null ? null : settings.temporalUiUrl().toString().replaceAll("/+$", "");
  }

  @ModelAttribute("frame")
  ConsoleFrame frame(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return new ConsoleFrame(caller, pages.stream().filter(page -> page.visibleTo(caller)).toList(), path, temporalUiUrl);
  }

  /** The first page of the menu the caller may use: where /console and a signed-in user land. */
  String home(Caller caller) {
    return pages.stream().filter(page -> page.visibleTo(caller)).map(ConsolePage::path).findFirst()
        .orElse("/console/sign-in");
  }
}
