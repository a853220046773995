package dev.herald.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed authentications counted per source address and per key prefix in fixed windows, in memory:
 * the least recently failing entries are forgotten beyond {@code tracked}, so memory stays bounded.
 */
final class FailedAttempts {

  private record Window(Instant start, int failures) {}

  private final SecurityProperties.FailedAttempts limits;
  private final Clock clock;
  private final Map<String, Window> windows;

  FailedAttempts(SecurityProperties.FailedAttempts limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.windows = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
        return size() > limits.tracked();
      }
    };
  }

  /** How long this address must wait, when it failed too often in the current window. */
  Optional<Duration> addressBlocked(String address) {
    return blocked("address " + address, limits.perAddress());
  }

  Optional<Duration> prefixBlocked(String prefix) {
    return blocked("prefix " + prefix, limits.perPrefix());
  }

  void failed(String address, String prefix) {
    count("address " + address);
    if (prefix != null) {
      count("prefix " + prefix);
    }
  }

  private synchronized Optional<Duration> blocked(String who, int limit) {
    Window window = windows.get(who);
    Instant now = clock.instant();
    if (window == null || window.failures() < limit) {
      return Optional.empty();
    }
    Instant end = window.start().plus(limits.window());
    return end.isAfter(now) ? Optional.of(Duration.between(now, end)) : Optional.empty();
  }

  private synchronized void count(String who) {
    Instant now = clock.instant();
    Window window = windows.get(who);
    if (window == null || !window.start().plus(limits.window()).isAfter(now)) {
      windows.put(who, new Window(now, 1));
    } else {
      windows.put(who, new Window(window.start(), window.failures() + 1));
    }
  }
}
