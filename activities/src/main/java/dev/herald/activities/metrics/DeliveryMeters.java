package dev.herald.activities.metrics;

import dev.herald.activities.channel.ChannelAdapter;
import dev.herald.activities.channel.ChannelAdapters;
import dev.herald.activities.events.DeliveryEvent;
import dev.herald.activities.events.DeliveryEventType;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Priority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Deliveries by channel, priority, provider, sender, outcome and skip reason, and the time to deliver,
 * counted from the delivery events outbox as the relay publishes it: the outbox holds every state
 * change of the delivery log exactly once, written by the statement that makes it (V25), so these
 * counters are the log's, cluster-wide, and the send path pays nothing for them. They count in the
 * process whose relay publishes (one at a time); sum them over processes.
 */
@Component
@EnableConfigurationProperties(MetricsProperties.class)
public class DeliveryMeters {

  /** The stages of {@link HeraldMeters#DELIVERY_TIME}. */
  static final String PROVIDER_ACCEPTED = "provider_accepted";
  static final String RECEIPT = "receipt";

  private final MeterRegistry registry;
  private final ChannelAdapters adapters;
  private final BoundedValues senders;
  private final Duration[] slos;
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  public DeliveryMeters(ObjectProvider<MeterRegistry> registry, ChannelAdapters adapters, MetricsProperties properties) {
    this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    this.adapters = adapters;
    this.senders = new BoundedValues(new HashSet<>(properties.senders()), properties.mostSenders());
    this.slos = properties.deliverySlos().toArray(Duration[]::new);
  }

  /** Counts events the relay published (ACCEPTED is a delivery recorded, not an outcome: not counted here). */
  public void published(List<DeliveryEvent> events) {
    for (DeliveryEvent event : events) {
      if (event.type() != DeliveryEventType.ACCEPTED) {
        counted(event);
      }
    }
  }

  private void counted(DeliveryEvent event) {
    String channel = event.channel().name();
    String priority = event.priority() == null ? HeraldMeters.NONE : event.priority().name();
    String outcome = event.type().name().toLowerCase(Locale.ROOT);
    String reason = event.type() == DeliveryEventType.SKIPPED ? SkipReasons.classOf(event.errorCode()) : HeraldMeters.NONE;
    List<String> tags = List.of(channel, priority, provider(event.channel()), senders.of(event.sender()), outcome, reason);
    counters.computeIfAbsent(tags, key -> Counter.builder(HeraldMeters.DELIVERIES)
        .tags(HeraldMeters.CHANNEL, key.get(0), HeraldMeters.PRIORITY, key.get(1), HeraldMeters.PROVIDER, key.get(2),
            HeraldMeters.SENDER, key.get(3), HeraldMeters.OUTCOME, key.get(4), HeraldMeters.REASON, key.get(5))
        .register(registry)).increment();
    String stage = event.type() == DeliveryEventType.SENT ? PROVIDER_ACCEPTED
        : event.type() == DeliveryEventType.DELIVERED ? RECEIPT : null;
    if (stage != null && event.dueAt() != null) {
      Duration taken = Duration.between(event.dueAt(), event.occurredAt());
      timer(channel, priority, stage).record(taken.isNegative() ? Duration.ZERO : taken);
    }
  }

  private Timer timer(String channel, String priority, String stage) {
    return timers.computeIfAbsent(List.of(channel, priority, stage), key -> Timer.builder(HeraldMeters.DELIVERY_TIME)
        .tags(HeraldMeters.CHANNEL, key.get(0), HeraldMeters.PRIORITY, key.get(1), HeraldMeters.STAGE, key.get(2))
        .serviceLevelObjectives(slos)
        .register(registry));
  }

  /** This process's provider for the channel; {@code none} where it has no adapter (an API-only process without it). */
  private String provider(Channel channel) {
    return adapters.of(channel).map(ChannelAdapter::provider).orElse(HeraldMeters.NONE);
  }

  /** Registers the counters and timers a dashboard draws before the first event, so each series exists at 0. */
  public void registerFirstSeries() {
    for (Channel channel : Channel.values()) {
      for (Priority priority : Priority.values()) {
        timer(channel.name(), priority.name(), PROVIDER_ACCEPTED);
      }
    }
  }
}
