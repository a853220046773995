package dev.herald.activities.channel;

import dev.herald.workflows.messages.Channel;
import io.micrometer.observation.ObservationRegistry;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The channel adapters this process has: every {@link ChannelAdapter} bean, by channel. A channel
 * whose vendor is not configured (e.g. SMS without a Twilio account) has none. Each is handed out
 * observed ({@link ObservedChannelAdapter}): its provider calls are spans and log with the delivery's ids.
 */
@Component
public class ChannelAdapters {

  private final Map<Channel, ChannelAdapter> byChannel = new EnumMap<>(Channel.class);

  public ChannelAdapters(List<ChannelAdapter> adapters, ObjectProvider<ObservationRegistry> observations) {
    ObservationRegistry registry = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
    for (ChannelAdapter adapter : adapters) {
      if (byChannel.put(adapter.channel(), new ObservedChannelAdapter(adapter, registry)) != null) {
        throw new IllegalStateException("two adapters for channel " + adapter.channel());
      }
    }
  }

  public Set<Channel> available() {
    return Collections.unmodifiableSet(byChannel.keySet());
  }

  public Optional<ChannelAdapter> of(Channel channel) {
    return Optional.ofNullable(byChannel.get(channel));
  }
}
