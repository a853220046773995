package dev.herald.api.stats;

import dev.herald.api.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery figures (admin only), from the delivery log: outcomes, failure rate and time to deliver per
 * channel and priority over a window, outcomes per minute, and what waits now.
 */
@RestController
@Tag(name = ApiTags.STATS)
class StatsController {

  static final String PATH = "/api/v1/stats";

  private final StatsWindows windows;

  StatsController(StatsWindows windows) {
    this.windows = windows;
  }

  @GetMapping(PATH)
  StatsView stats(
      @Parameter(description = "the window's start (inclusive); default: until less herald.stats.default-window (1h)")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
      @Parameter(description = "the window's end (exclusive); default: now. At most herald.stats.max-window (24h) "
          + "after since")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until) {
    return windows.report(since, until);
  }
}
