package dev.herald.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/** Request events from a real (embedded) Kafka broker become notifications, once each. */
class KafkaIngestionIT extends HeraldIntegrationTest {

  @Autowired private ProducerFactory<String, String> producerFactory;
  @Autowired private KafkaAdmin admin;
  @Autowired private IngestProperties topics;
  private KafkaTemplate<String, String> kafka;
  private Consumer<String, String> deadLetters;

  @BeforeEach
  void connect() {
    kafka = new KafkaTemplate<>(producerFactory);
    ConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, admin.getConfigurationProperties().get("bootstrap.servers"),
        ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + System.nanoTime(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer());
    deadLetters = consumers.createConsumer();
    deadLetters.subscribe(List.of(topics.deadLetterTopic()));
  }

  @AfterEach
  void close() {
    deadLetters.close();
  }

  @Test
  void requestEventIsMailed() throws Exception {
    kafka.send(topics.requestsTopic(), emailRequest("kafka-1", "From Kafka", "kafka1@it.example")).get();

    awaitStatus("notification-kafka-1", "COMPLETED");
    assertThat(mailsTo("kafka1@it.example")).hasSize(1);
  }

  @Test
  void sameEventDeliveredTwiceIsMailedOnce() throws Exception {
    String event = emailRequest("kafka-twice", "Twice", "twice@it.example");
    kafka.send(topics.requestsTopic(), "k", event).get();
    kafka.send(topics.requestsTopic(), "k", event).get();
    awaitStatus("notification-kafka-twice", "COMPLETED");

    // A marker sent after both copies on the same partition proves both were consumed.
    kafka.send(topics.requestsTopic(), "k", emailRequest("kafka-twice-marker", "Marker", "twice-marker@it.example")).get();
    awaitStatus("notification-kafka-twice-marker", "COMPLETED");
    assertThat(mailsTo("twice@it.example")).hasSize(1);
  }

  @Test
  void recordKeyIsTheIdempotencyKeyWhenTheEventHasNone() throws Exception {
    kafka.send(topics.requestsTopic(), "order-77-shipped", emailRequest(null, "Shipped", "keyed@it.example")).get();

    awaitStatus("notification-order-77-shipped", "COMPLETED");
    assertThat(mailsTo("keyed@it.example")).hasSize(1);
  }

  @Test
  void poisonEventsGoToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() throws Exception {
    kafka.send(topics.requestsTopic(), "p", "this is not json").get();
    kafka.send(topics.requestsTopic(), "p", emailRequest("kafka-invalid", "Bad", "not-an-address")).get();
    kafka.send(topics.requestsTopic(), "p", emailRequest("kafka-after-poison", "Still flowing", "after@it.example")).get();

    awaitStatus("notification-kafka-after-poison", "COMPLETED");
    assertThat(mailsTo("after@it.example")).hasSize(1);
    List<ConsumerRecord<String, String>> dead = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      deadLetters.poll(Duration.ofMillis(200)).forEach(dead::add);
      return dead.stream().filter(r -> "p".equals(r.key())).count() >= 2;
    });
    assertThat(dead).filteredOn(r -> "this is not json".equals(r.value())).singleElement()
        .satisfies(r -> assertThat(reason(r)).startsWith("(body): is not valid JSON"));
    assertThat(dead).filteredOn(r -> r.value().contains("kafka-invalid")).singleElement()
        .satisfies(r -> assertThat(reason(r)).contains("recipients[0].email: is not a valid email address"));
  }

  @Test
  void anEventForAnUnknownGroupGoesToTheDeadLetterTopicNamingTheGroup() throws Exception {
    kafka.send(topics.requestsTopic(), "g", "{\"idempotencyKey\":\"kafka-no-group\",\"channels\":[\"EMAIL\"],"
        + "\"group\":\"kafka-no-such-group\",\"subject\":\"News\",\"body\":\"b\"}").get();

    List<ConsumerRecord<String, String>> dead = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      deadLetters.poll(Duration.ofMillis(200)).forEach(dead::add);
      return dead.stream().anyMatch(r -> "g".equals(r.key()));
    });
    assertThat(dead).filteredOn(r -> "g".equals(r.key())).singleElement()
        .satisfies(r -> assertThat(reason(r)).contains("group: no group has the key 'kafka-no-such-group'"));
  }

  private static String reason(ConsumerRecord<String, String> record) {
    var header = record.headers().lastHeader(DeadLetters.REASON_HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
