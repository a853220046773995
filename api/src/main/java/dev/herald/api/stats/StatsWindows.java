package dev.herald.api.stats;

import dev.herald.activities.stats.CurrentLoads;
import dev.herald.activities.stats.DeliveryStats;
import dev.herald.api.notification.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The figures of a window, for the stats endpoint and the console's overview alike: the window asked for
 * (by default the last {@code herald.stats.default-window}), refused when it is empty or longer than
 * {@code herald.stats.max-window}.
 */
@Service
@EnableConfigurationProperties(StatsProperties.class)
public class StatsWindows {

  private final DeliveryStats stats;
  private final CurrentLoads loads;
  private final StatsProperties settings;
  private StatsView latestDefault;
  private long latestDefaultAt;

  StatsWindows(DeliveryStats stats, CurrentLoads loads, StatsProperties settings) {
    this.stats = stats;
    this.loads = loads;
    this.settings = settings;
  }

  /**
   * Either bound may be null: until defaults to now, since to until less the default window. Without either,
   * the answer of up to {@code cache-for} ago (one query at a time makes it).
   */
  public StatsView report(Instant since, Instant until) {
    if (since == null && until == null) {
      return defaultWindow();
    }
    return compute(since, until);
  }

  private synchronized StatsView defaultWindow() {
    long now = System.nanoTime();
    if (latestDefault == null || now - latestDefaultAt >= settings.cacheFor().toNanos()) {
      latestDefault = compute(null, null);
      latestDefaultAt = now;
    }
    return latestDefault;
  }

  private StatsView compute(Instant since, Instant until) {
    Instant end = until != null ? until : Instant.now();
    Instant start = since != null ? since : end.minus(settings.defaultWindow());
    if (!end.isAfter(start)) {
      throw new InvalidRequestException("until", "must be after since (" + start + ")");
    }
    if (Duration.between(start, end).compareTo(settings.maxWindow()) > 0) {
      throw new InvalidRequestException("since", "the window may be at most " + settings.maxWindow()
          + " (herald.stats.max-window) long");
    }
    return new StatsView(start, end, stats.byChannelAndPriority(start, end), stats.perMinute(start, end), loads.now());
  }
}
