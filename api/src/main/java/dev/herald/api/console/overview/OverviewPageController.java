package dev.herald.api.console.overview;

import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.security.Role;
import dev.herald.api.stats.StatsView;
import dev.herald.api.stats.StatsWindows;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The admins' landing page: the last window's deliveries per minute, failure rates and times to deliver
 * by channel and priority, and what waits now, from the stats endpoint's service. Its script asks
 * {@code /console/overview/stats} (the endpoint's JSON, by the session cookie) every few seconds.
 */
@ConsoleController
class OverviewPageController {

  static final String PATH = "/console/overview";

  private final StatsWindows windows;

  OverviewPageController(StatsWindows windows) {
    this.windows = windows;
  }

  /** First in the menu, so admins land here; senders, who may not open it, land on Send. */
  @Bean
  static ConsolePage overviewPage() {
    return new ConsolePage(PATH, "Overview", 5, Role.ADMIN);
  }

  @GetMapping(PATH)
  String overview(Model model) {
    StatsView stats = windows.report(null, null);
    model.addAttribute("stats", stats).addAttribute("view", OverviewTables.of(stats));
    return "console/overview/overview";
  }

  @GetMapping(path = PATH + "/stats", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  StatsView stats() {
    return windows.report(null, null);
  }
}
