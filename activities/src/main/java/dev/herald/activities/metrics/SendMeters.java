package dev.herald.activities.metrics;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Priority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The send path's meters: attempts and provider errors per channel and provider, rendered message
 * sizes per channel and priority. In memory only (a counter's increment per send, no I/O); the
 * meters are made once per tag set and kept.
 */
@Component
@EnableConfigurationProperties(MetricsProperties.class)
public class SendMeters {

  private final MeterRegistry registry;
  private final Map<Channel, BoundedValues> codes = new EnumMap<>(Channel.class);
  private final Map<Channel, Map<Priority, DistributionSummary>> sizes = new EnumMap<>(Channel.class);

  /** @param registry the process's (actuator's); a context without one (a unit test's) counts into its own */
  public SendMeters(ObjectProvider<MeterRegistry> registry, MetricsProperties properties) {
    this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    for (Channel channel : Channel.values()) {
      codes.put(channel, new BoundedValues(Set.of(), properties.mostErrorCodes()));
      Map<Priority, DistributionSummary> byPriority = new EnumMap<>(Priority.class);
      for (Priority priority : Priority.values()) {
        byPriority.put(priority, DistributionSummary.builder(HeraldMeters.MESSAGE_SIZE).baseUnit("bytes")
            .tag(HeraldMeters.CHANNEL, channel.name()).tag(HeraldMeters.PRIORITY, priority.name())
            .publishPercentiles(0.5, 0.9, 0.99).register(this.registry));
      }
      sizes.put(channel, byPriority);
    }
  }

  /** One channel's meters over one provider, made once per batch sender so a send only increments and records. */
  public Sends forChannel(Channel channel, String provider) {
    return new Sends(channel, provider);
  }

  /** The send path's meters of one channel and provider. */
  public final class Sends {

    private final Channel channel;
    private final String provider;
    private final Counter attempts;
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();

    private Sends(Channel channel, String provider) {
      this.channel = channel;
      this.provider = provider;
      this.attempts = Counter.builder(HeraldMeters.ATTEMPTS).tag(HeraldMeters.CHANNEL, channel.name())
          .tag(HeraldMeters.PROVIDER, provider).register(registry);
    }

    /** A send handed to the provider (whatever came of it). */
    public void attempted() {
      attempts.increment();
    }

    /** A send that failed, with the provider's code (or Herald's error type). */
    public void failed(String code) {
      errors.computeIfAbsent(codes.get(channel).of(code), tag -> Counter.builder(HeraldMeters.PROVIDER_ERRORS)
          .tag(HeraldMeters.CHANNEL, channel.name()).tag(HeraldMeters.PROVIDER, provider).tag(HeraldMeters.CODE, tag)
          .register(registry)).increment();
    }

    /** A message rendered for one member: the UTF-8 size of its parts. */
    public void rendered(Priority priority, String... parts) {
      long bytes = 0;
      for (String part : parts) {
        bytes += utf8Length(part);
      }
      sizes.get(channel).get(priority == null ? Priority.NORMAL : priority).record(bytes);
    }
  }

  /** UTF-8 length without encoding: one pass over the chars. */
  static long utf8Length(String text) {
    if (text == null) {
      return 0;
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
