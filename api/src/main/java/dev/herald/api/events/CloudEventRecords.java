package dev.herald.api.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.herald.activities.events.DeliveryEvent;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A delivery event as a Kafka record in CloudEvents 1.0's binary mode: the attributes are {@code ce_}
 * headers, the body is the event's JSON (docs/events/delivery-event.schema.json), the key the
 * notification id, so a notification's events share a partition and keep their order.
 */
final class CloudEventRecords {

  static final String SPEC_VERSION = "1.0";
  static final String CONTENT_TYPE = "application/json";

  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .serializationInclusion(JsonInclude.Include.NON_NULL).build();

  private final String topic;
  private final String source;

  CloudEventRecords(String topic, String source) {
    this.topic = topic;
    this.source = source;
  }

  /** The body: what changed, on which delivery; never an address or the message. */
  record Body(String event, String notificationId, String deliveryId, Channel channel, DeliveryStatus status,
      String sender, String providerMessageId, String errorCode, Instant time) {}

  ProducerRecord<String, byte[]> of(DeliveryEvent event) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_specversion", SPEC_VERSION);
    header(headers, "ce_id", Long.toString(event.seq()));
    header(headers, "ce_source", source);
    header(headers, "ce_type", event.type().cloudEventType());
    header(headers, "ce_time", event.occurredAt().toString());
    header(headers, "ce_subject", event.deliveryId());
    header(headers, "content-type", CONTENT_TYPE);
    return new ProducerRecord<>(topic, null, event.notificationId(), body(event), headers);
  }

  private static byte[] body(DeliveryEvent event) {
    try {
      return JSON.writeValueAsBytes(new Body(event.type().eventName(), event.notificationId(), event.deliveryId(),
          event.channel(), event.status(), event.sender(), event.providerMessageId(), event.errorCode(),
          event.occurredAt()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a delivery event cannot be written as JSON", e);
    }
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
