package dev.herald.api.notification;

import dev.herald.activities.metrics.HeraldMeters;
import dev.herald.workflows.messages.Priority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The door's meters: request sizes and notifications accepted, by priority and source ({@code rest} for the
 * REST API and the console, {@code kafka} for request topics). All made at start, so every series exists.
 */
@Component
public class DoorMeters {

  /** Where a request came in: the {@code source} tag. */
  public enum Source { REST, KAFKA }

  private final Map<Source, Map<Priority, Counter>> accepted = new EnumMap<>(Source.class);
  private final Map<Source, Map<Priority, DistributionSummary>> sizes = new EnumMap<>(Source.class);

  DoorMeters(MeterRegistry registry) {
    for (Source source : Source.values()) {
      String tag = source.name().toLowerCase(Locale.ROOT);
      Map<Priority, Counter> counters = new EnumMap<>(Priority.class);
      Map<Priority, DistributionSummary> summaries = new EnumMap<>(Priority.class);
      for (Priority priority : Priority.values()) {
        counters.put(priority, Counter.builder(HeraldMeters.ACCEPTED).tag(HeraldMeters.SOURCE, tag)
            .tag(HeraldMeters.PRIORITY, priority.name()).register(registry));
        summaries.put(priority, DistributionSummary.builder(HeraldMeters.REQUEST_SIZE).baseUnit("bytes")
            .tag(HeraldMeters.SOURCE, tag).tag(HeraldMeters.PRIORITY, priority.name())
            .publishPercentiles(0.5, 0.9, 0.99).register(registry));
      }
      accepted.put(source, counters);
      sizes.put(source, summaries);
    }
  }

  /** A request's size as it came (the body's bytes); a request naming no priority is NORMAL. */
  public void request(Source source, Priority priority, long bytes) {
    if (bytes >= 0) {
      sizes.get(source).get(priority == null ? Priority.NORMAL : priority).record(bytes);
    }
  }

  /** A new notification accepted (a repeat is not). */
  void accepted(Source source, Priority priority) {
    accepted.get(source).get(priority).increment();
  }
}
