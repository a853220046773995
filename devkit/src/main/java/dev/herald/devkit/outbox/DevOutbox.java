package dev.herald.devkit.outbox;

import dev.herald.workflows.messages.Channel;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Everything the local sinks and provider simulators captured, oldest first, of one channel or all. */
@Component
public class DevOutbox {

  private final List<OutboxSource> sources;

  DevOutbox(List<OutboxSource> sources) {
    this.sources = sources;
  }

  public List<OutboxMessage> messages(Channel channel) {
    return sources.stream()
        .filter(source -> channel == null || source.channel() == channel)
        .flatMap(source -> source.messages().stream())
        .sorted(Comparator.comparing(OutboxMessage::receivedAt, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }
}
