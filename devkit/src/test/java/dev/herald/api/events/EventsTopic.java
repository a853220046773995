package dev.herald.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real consumer of the delivery events topic, from its end when made: every record read, with its
 * CloudEvents headers, checked against docs/events/delivery-event.schema.json.
 */
final class EventsTopic implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = schema();

  /** One record as read: its key, {@code ce_} headers (without the prefix) and JSON body. */
  record Event(String key, Map<String, String> ce, String contentType, JsonNode body) {

    String id() {
      return ce.get("id");
    }

    String type() {
      return body.get("event").asText();
    }

    String notificationId() {
      return body.get("notificationId").asText();
    }
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Event> read = new ArrayList<>();

  EventsTopic(Object bootstrapServers, String topic) {
    consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  /** Reads what has come since the last call; every event read so far, in the order read. */
  synchronized List<Event> poll() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      read.add(event(record));
    }
    return List.copyOf(read);
  }

  /** The events of one notification, in the order read. */
  synchronized List<Event> of(String notificationId) {
    return read.stream().filter(e -> e.key().equals(notificationId)).toList();
  }

  @Override
  public synchronized void close() {
    consumer.close();
  }

  private static Event event(ConsumerRecord<String, byte[]> record) {
    Map<String, String> ce = new HashMap<>();
    String contentType = null;
    for (Header header : record.headers()) {
      String value = new String(header.value(), StandardCharsets.UTF_8);
      if (header.key().startsWith("ce_")) {
        ce.put(header.key().substring(3), value);
      } else if (header.key().equals("content-type")) {
        contentType = value;
      }
    }
    try {
      JsonNode body = JSON.readTree(record.value());
      assertThat(SCHEMA.validate(body)).as("event %s against the schema", body).isEmpty();
      return new Event(record.key(), ce, contentType, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema schema() {
    try (InputStream schema = Files.newInputStream(Path.of("..", "docs", "events", "delivery-event.schema.json"))) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
