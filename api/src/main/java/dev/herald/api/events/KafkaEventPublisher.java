package dev.herald.api.events;

import dev.herald.activities.events.DeliveryEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a run of events in order and answers how many of the first the broker acknowledged. The
 * producer is idempotent and retries without end (EventsConfig), so while the broker is away it waits,
 * in order, and a retry never writes a record twice; what it could not send is sent again by the next
 * relay, under the same event id.
 */
final class KafkaEventPublisher {

  private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

  private final Producer<String, byte[]> producer;
  private final CloudEventRecords records;

  KafkaEventPublisher(Producer<String, byte[]> producer, CloudEventRecords records) {
    this.producer = producer;
    this.records = records;
  }

  int publish(List<DeliveryEvent> events) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
    try {
      for (DeliveryEvent event : events) {
        sent.add(producer.send(records.of(event)));
      }
    } catch (KafkaException notSent) {
      log.warn("delivery events: {} of {} handed to the producer, then {}", sent.size(), events.size(),
          notSent.toString());
    }
    producer.flush();
    return acknowledged(sent);
  }

  /** The events acknowledged before the first that failed. */
  private static int acknowledged(List<Future<RecordMetadata>> sent) {
    for (int i = 0; i < sent.size(); i++) {
      try {
        sent.get(i).get();
      } catch (ExecutionException failed) {
        log.warn("delivery events: {} published, then {}", i, failed.getCause().toString());
        return i;
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return i;
      }
    }
    return sent.size();
  }

  void close(Duration timeout) {
    producer.close(timeout);
  }
}
