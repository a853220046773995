package dev.herald.activities.channel;

import dev.herald.workflows.messages.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The channel adapters this process has: every {@link ChannelAdapter} bean, by channel. A channel
 * whose vendor is not configured (e.g. SMS without a Twilio account) has none.
 */
@Component
public class ChannelAdapters {

  private final Map<Channel, ChannelAdapter> byChannel = new EnumMap<>(Channel.class);

  public ChannelAdapters(List<ChannelAdapter> adapters) {
    for (ChannelAdapter adapter : adapters) {
      if (byChannel.put(adapter.channel(), adapter) != null) {
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
