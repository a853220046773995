package dev.herald.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.delivery.NotificationHistory;
import dev.herald.api.notification.SendNotificationRequest;
import dev.herald.workflows.messages.Priority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

/**
 * Kafka ingestion in one lane per priority, so a backlog of low-priority events never holds a high
 * one back: each lane is a listener container of its own consumer group on the request topics, takes
 * the events of its priority and passes over the rest (another lane takes them), and waits for room
 * only behind notifications of its priority or higher ({@link InFlightLimit}). An event's lane is its
 * {@value #HEADER} header, else the {@code priority} its body names, else NORMAL: the header spares
 * the other lanes reading the body.
 */
@Component
class PriorityLanes {

  static final String HEADER = "herald-priority";

  private final ObjectMapper json;
  private final Map<Priority, InFlightLimit> limits = new EnumMap<>(Priority.class);

  PriorityLanes(ObjectMapper json, NotificationHistory history, IngestProperties properties) {
    this.json = json;
    for (Priority lane : Priority.values()) {
      Set<Priority> servedFirst = EnumSet.range(Priority.HIGH, lane);
      limits.put(lane, new InFlightLimit(() -> history.inFlight(servedFirst), properties));
    }
  }

  /** The lane that takes {@code record}; one its header or body does not place goes to NORMAL, which refuses it. */
  Priority of(ConsumerRecord<byte[], byte[]> record) {
    Optional<String> header = header(record);
    if (header.isPresent()) {
      return named(header.get()).orElse(Priority.NORMAL);
    }
    try {
      JsonNode priority = record.value() == null ? null : json.readTree(record.value()).get("priority");
      return priority != null && priority.isTextual() ? named(priority.textValue()).orElse(Priority.NORMAL)
          : Priority.NORMAL;
    } catch (IOException | RuntimeException unreadable) {
      return Priority.NORMAL;
    }
  }

  InFlightLimit limit(Priority lane) {
    return limits.get(lane);
  }

  /**
   * The request at its header's priority when its body names none.
   *
   * @throws InvalidEventException when the header names no priority, or another than the body
   */
  SendNotificationRequest prioritized(ConsumerRecord<byte[], byte[]> record, SendNotificationRequest request) {
    Optional<String> header = header(record);
    if (header.isEmpty()) {
      return request;
    }
    Priority named = named(header.get()).orElseThrow(() -> new InvalidEventException(HEADER + " header: is not one of "
        + Arrays.toString(Priority.values()), null));
    if (request.priority() != null && request.priority() != named) {
      throw new InvalidEventException("priority: is " + request.priority() + " but the " + HEADER + " header says "
          + named + "; leave one out or name the same", null);
    }
    return request.withPriority(named);
  }

  private static Optional<String> header(ConsumerRecord<byte[], byte[]> record) {
    Header last = record.headers().lastHeader(HEADER);
    return last == null || last.value() == null ? Optional.empty()
        : Optional.of(new String(last.value(), StandardCharsets.UTF_8));
  }

  private static Optional<Priority> named(String name) {
    return Arrays.stream(Priority.values()).filter(p -> p.name().equals(name)).findFirst();
  }
}
