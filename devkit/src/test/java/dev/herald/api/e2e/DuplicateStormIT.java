package dev.herald.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 4: the same 400 request events published three times to the infra's Kafka broker while
 * the worker is stopped and started again: exactly 400 deliveries.
 */
@ExtendWith(E2eProcesses.class)
class DuplicateStormIT {

  private static final String TOPIC = "herald.notifications.requests";
  private static final int EVENTS = 400;

  @Test
  void thriceDeliveredEventsSendEachNotificationOnce() throws Exception {
    E2eProcesses processes = E2eProcesses.get();
    HeraldClient herald = new HeraldClient(processes.infraUrl());
    List<String> events = IntStream.range(0, EVENTS).mapToObj(DuplicateStormIT::event).toList();

    try (KafkaProducer<String, String> kafka = producer(processes.kafkaBootstrap())) {
      publish(kafka, events);
      processes.worker().stop(Duration.ofSeconds(30));
      publish(kafka, events);
      processes.worker().start();
      publish(kafka, events);
    }

    List<String> ids = IntStream.range(0, EVENTS).mapToObj(i -> "notification-e2e~storm-" + i).toList();
    assertThat(herald.awaitAllFinal(ids, Duration.ofMinutes(4))).as("notifications not COMPLETED").isEmpty();
    assertThat(ids).allSatisfy(id -> assertThat(herald.notification(id).get("deliveries").size()).isEqualTo(1));
    List<String> emails = IntStream.range(0, EVENTS).mapToObj(i -> HeraldClient.email("storm", i)).toList();
    SinkCount.of("duplicate storm", herald.outboxEmails(), emails).assertExactlyOnce(emails);
  }

  private static String event(int i) {
    try {
      return HeraldClient.JSON.writeValueAsString(Map.of("idempotencyKey", "storm-" + i, "sender", "e2e",
          "channels", List.of("EMAIL"), "recipients", List.of(Map.of("email", HeraldClient.email("storm", i))),
          "subject", "Storm " + i, "body", "Hello " + i));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void publish(KafkaProducer<String, String> kafka, List<String> events) throws Exception {
    for (int i = 0; i < events.size(); i++) {
      kafka.send(new ProducerRecord<>(TOPIC, "storm-" + i, events.get(i)));
    }
    kafka.flush();
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }
}
