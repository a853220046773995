package dev.herald.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.ArbitraryText;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.workflows.notification.NotificationIds;
import dev.herald.workflows.messages.NotificationStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Request events from a real (embedded) Kafka broker become notifications of the senders their topics
 * may speak for, once each. Most events go to {@link #ONE_SENDER_TOPIC} without a sender, so they are
 * {@link #TOPIC_SENDER}'s; the dev kit's requests topic may speak for any sender an event names.
 */
class KafkaIngestionIT extends HeraldIntegrationTest {

  @Autowired private ProducerFactory<String, String> producerFactory;
  @Autowired private KafkaAdmin admin;
  @Autowired private IngestProperties topics;
  @Autowired private JdbcTemplate jdbc;
  private KafkaTemplate<String, String> kafka;
  private KafkaTemplate<byte[], byte[]> rawKafka;
  private Consumer<String, byte[]> deadLetters;

  @BeforeEach
  void connect() {
    kafka = new KafkaTemplate<>(producerFactory);
    rawKafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerFactory.getConfigurationProperties(),
        new ByteArraySerializer(), new ByteArraySerializer()));
    ConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, admin.getConfigurationProperties().get("bootstrap.servers"),
        ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + System.nanoTime(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new ByteArrayDeserializer());
    deadLetters = consumers.createConsumer();
    deadLetters.subscribe(List.of(topics.deadLetterTopic()));
  }

  @AfterEach
  void close() {
    deadLetters.close();
    ((DefaultKafkaProducerFactory<byte[], byte[]>) rawKafka.getProducerFactory()).destroy();
  }

  @Test
  void anEventWithoutSenderOnATopicOfOneSenderIsMailedAsThatSender() throws Exception {
    kafka.send(ONE_SENDER_TOPIC, emailRequest("kafka-1", "From Kafka", "kafka1@it.example")).get();

    awaitStatus("notification-kafka-shop~kafka-1", "COMPLETED");
    assertThat(mailsTo("kafka1@it.example")).hasSize(1);
  }

  @Test
  void anEventNamingASenderItsTopicMaySpeakForIsMailedAsThatSenderAndItsKeyIsThatSenders() throws Exception {
    kafka.send(ONE_SENDER_TOPIC, withSender(TOPIC_SENDER, emailRequest("kafka-named", "Named", "named-shop@it.example")))
        .get();
    // the same key from another sender (on the dev kit's topic of any sender) is another notification
    kafka.send(topics.requestsTopic(),
        withSender("kafka-billing", emailRequest("kafka-named", "Named", "named-billing@it.example"))).get();

    awaitStatus("notification-kafka-shop~kafka-named", "COMPLETED");
    awaitStatus("notification-kafka-billing~kafka-named", "COMPLETED");
    assertThat(mailsTo("named-shop@it.example")).hasSize(1);
    assertThat(mailsTo("named-billing@it.example")).hasSize(1);
  }

  @Test
  void anEventForASenderItsTopicMayNotSpeakForIsDeadLetteredAsItCameNamingTheRuleAndStartsNothing() throws Exception {
    String event = withSender("kafka-billing", emailRequest("kafka-not-mine", "Not mine", "not-mine@it.example"));
    kafka.send(ONE_SENDER_TOPIC, "not-mine", event).get();

    ConsumerRecord<String, byte[]> dead = deadLettersKeyed("not-mine", 1).get(0);
    assertThat(text(dead)).isEqualTo(event);
    assertThat(reason(dead)).isEqualTo("sender: 'kafka-billing' is not a sender the topic " + ONE_SENDER_TOPIC
        + " may speak for (herald.kafka.topic-senders: kafka-shop)");
    // refused before any start: neither sender has a notification of that key
    assertThat(get("/api/v1/notifications/notification-kafka-billing~kafka-not-mine").getStatusCode().value())
        .isEqualTo(404);
    assertThat(get("/api/v1/notifications/notification-kafka-shop~kafka-not-mine").getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void anEventWithoutSenderOnATopicOfAnySenderIsDeadLetteredAsNeedingOne() throws Exception {
    kafka.send(topics.requestsTopic(), "no-sender", emailRequest("kafka-no-sender", "Whose?", "whose@it.example")).get();

    assertThat(reason(deadLettersKeyed("no-sender", 1).get(0))).isEqualTo("sender: is required, as the topic "
        + topics.requestsTopic() + " may speak for any sender (herald.kafka.topic-senders)");
  }

  @Test
  void sameEventDeliveredTwiceIsMailedOnce() throws Exception {
    String event = emailRequest("kafka-twice", "Twice", "twice@it.example");
    kafka.send(ONE_SENDER_TOPIC, "k", event).get();
    kafka.send(ONE_SENDER_TOPIC, "k", event).get();
    awaitStatus("notification-kafka-shop~kafka-twice", "COMPLETED");

    // A marker sent after both copies on the same partition proves both were consumed.
    kafka.send(ONE_SENDER_TOPIC, "k", emailRequest("kafka-twice-marker", "Marker", "twice-marker@it.example")).get();
    awaitStatus("notification-kafka-shop~kafka-twice-marker", "COMPLETED");
    assertThat(mailsTo("twice@it.example")).hasSize(1);
  }

  @Test
  void recordKeyIsTheIdempotencyKeyWhenTheEventHasNone() throws Exception {
    kafka.send(ONE_SENDER_TOPIC, "order-77-shipped", emailRequest(null, "Shipped", "keyed@it.example")).get();

    awaitStatus("notification-kafka-shop~order-77-shipped", "COMPLETED");
    assertThat(mailsTo("keyed@it.example")).hasSize(1);
  }

  @Test
  void poisonEventsGoToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() throws Exception {
    kafka.send(ONE_SENDER_TOPIC, "p", "this is not json").get();
    kafka.send(ONE_SENDER_TOPIC, "p", emailRequest("kafka-invalid", "Bad", "not-an-address")).get();
    kafka.send(ONE_SENDER_TOPIC, "p", emailRequest("kafka-after-poison", "Still flowing", "after@it.example")).get();

    awaitStatus("notification-kafka-shop~kafka-after-poison", "COMPLETED");
    assertThat(mailsTo("after@it.example")).hasSize(1);
    List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      deadLetters.poll(Duration.ofMillis(200)).forEach(dead::add);
      return dead.stream().filter(r -> "p".equals(r.key())).count() >= 2;
    });
    assertThat(dead).filteredOn(r -> "this is not json".equals(text(r))).singleElement()
        .satisfies(r -> assertThat(reason(r)).startsWith("(body): is not valid JSON"));
    assertThat(dead).filteredOn(r -> text(r).contains("kafka-invalid")).singleElement()
        .satisfies(r -> assertThat(reason(r)).contains("recipients[0].email: is not a valid email address"));
  }

  @Test
  void anEventOnATopicOfOneSenderWithAnotherSendersTemplateIsDeadLetteredAsAMissingTemplate() throws Exception {
    String admin = "{\"key\":\"kafka-admins-template\"}";
    http().post().uri("/api/v1/templates").contentType(MediaType.APPLICATION_JSON).body(admin).retrieve().toBodilessEntity();
    kafka.send(ONE_SENDER_TOPIC, "not-my-template", "{\"idempotencyKey\":\"kafka-not-my-template\",\"channels\":"
        + "[\"EMAIL\"],\"recipients\":[{\"email\":\"tpl@it.example\"}],\"template\":\"kafka-admins-template\"}").get();

    assertThat(reason(deadLettersKeyed("not-my-template", 1).get(0)))
        .contains("template: no template 'kafka-admins-template'");
  }

  @Test
  void anEventNamingAnotherSendersAttachmentIsDeadLetteredNamingIt() throws Exception {
    String admins = (String) http().post().uri("/api/v1/attachments?filename=a.txt").contentType(MediaType.TEXT_PLAIN)
        .body("the admin's file".getBytes(StandardCharsets.UTF_8)).retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {}).getBody().get("id");
    kafka.send(ONE_SENDER_TOPIC, "not-my-file", "{\"idempotencyKey\":\"kafka-not-my-file\",\"channels\":[\"EMAIL\"],"
        + "\"recipients\":[{\"email\":\"file@it.example\"}],\"subject\":\"File\",\"body\":\"Attached\","
        + "\"attachments\":[\"" + admins + "\"]}").get();

    assertThat(reason(deadLettersKeyed("not-my-file", 1).get(0)))
        .contains("attachments[0]: no attachment '" + admins + "' of sender '" + TOPIC_SENDER + "'");
  }

  @Test
  void anEventForAnUnknownGroupGoesToTheDeadLetterTopicNamingTheGroup() throws Exception {
    kafka.send(ONE_SENDER_TOPIC, "g", "{\"idempotencyKey\":\"kafka-no-group\",\"channels\":[\"EMAIL\"],"
        + "\"group\":\"kafka-no-such-group\",\"subject\":\"News\",\"body\":\"b\"}").get();

    List<ConsumerRecord<String, byte[]>> dead = deadLettersKeyed("g", 1);
    assertThat(dead).filteredOn(r -> "g".equals(r.key())).singleElement()
        .satisfies(r -> assertThat(reason(r)).contains("group: no group has the key 'kafka-no-such-group'"));
  }

  @Test
  void aDeadLetterKeepsTheOriginalBytesOfKeyValueAndHeaders() throws Exception {
    byte[] key = "raw-1".getBytes(StandardCharsets.UTF_8);
    byte[] value = {'{', '"', 's', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'};
    var event = new ProducerRecord<>(topics.requestsTopic(), key, value);
    event.headers().add("trace-id", new byte[] {1, 2, 3, (byte) 0x80});
    rawKafka.send(event).get();

    ConsumerRecord<String, byte[]> dead = deadLettersKeyed("raw-1", 1).get(0);
    assertThat(dead.value()).isEqualTo(value);
    assertThat(dead.headers().lastHeader("trace-id").value()).isEqualTo(new byte[] {1, 2, 3, (byte) 0x80});
    assertThat(reason(dead)).startsWith("(body): is not valid JSON");
    assertThat(dead.headers()).extracting(Header::key).noneMatch(name -> name.contains("exception"));
  }

  @Test
  void aRecordKeyThatCannotBeTheIdempotencyKeyIsNamedAsTheRecordKey() throws Exception {
    kafka.send(ONE_SENDER_TOPIC, "not a valid key!", emailRequest(null, "Keyed", "badkey@it.example")).get();

    ConsumerRecord<String, byte[]> dead = deadLettersKeyed("not a valid key!", 1).get(0);
    assertThat(reason(dead)).startsWith("record key: must be 1-200 characters").doesNotContain("header");
  }

  @Test
  void anEventWithoutAnyKeySaysWhereTheKeyMayBe() throws Exception {
    kafka.send(ONE_SENDER_TOPIC, emailRequest(null, "Keyless", "keyless@it.example")).get();
    kafka.send(ONE_SENDER_TOPIC, "keyless-marker", emailRequest("keyless-marker", "M", "km@it.example")).get();

    await().atMost(Duration.ofSeconds(30)).until(() -> {
      deadLetters.poll(Duration.ofMillis(200)).forEach(deadSeen::add);
      return deadSeen.stream().anyMatch(r -> r.key() == null && text(r).contains("keyless@it.example"));
    });
    assertThat(deadSeen).filteredOn(r -> r.key() == null && text(r).contains("keyless@it.example")).singleElement()
        .satisfies(r -> assertThat(reason(r)).isEqualTo("idempotencyKey: is required (in the event, or as the record key)"));
  }

  /**
   * The door's property over Kafka: events with arbitrary text in the subject, body or sender each end
   * in the dead-letter topic (with a reason in words) or in a final status. Arbitrary senders go to the
   * topic of any sender, so the request's own rules judge them.
   */
  @Test
  void everyEventWithArbitraryTextEndsDeadLetteredOrInAFinalStatus() throws Exception {
    long seed = Long.getLong("door.seed", 17);
    ArbitraryText texts = new ArbitraryText(seed);
    List<String> keys = new ArrayList<>();
    Map<String, String> ids = new java.util.HashMap<>();
    for (int i = 0; i < EVENT_TRIES; i++) {
      String field = List.of("subject", "body", "sender").get(i % 3);
      String key = "kafka-door-" + seed + "-" + i;
      Map<String, Object> event = new LinkedHashMap<>(Map.of("channels", List.of("EMAIL", "IN_APP"),
          "recipients", List.of(Map.of("id", "kafka-door", "email", "kafka-door@it.example")), "subject", "s", "body", "b"));
      event.put(field, texts.next());
      // the id names the sender: the event's own, or its topic's only one
      String sender = field.equals("sender") ? (String) event.get("sender") : TOPIC_SENDER;
      ids.put(key, sender.isEmpty() ? "" : NotificationIds.of(sender, key));
      String topic = field.equals("sender") ? topics.requestsTopic() : ONE_SENDER_TOPIC;
      rawKafka.send(topic, key.getBytes(StandardCharsets.UTF_8),
          ArbitraryText.json(event).getBytes(StandardCharsets.UTF_8)).get();
      keys.add(key);
    }

    List<String> open = new ArrayList<>(keys);
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
      deadLetters.poll(Duration.ofMillis(100)).forEach(deadSeen::add);
      open.removeIf(key -> deadSeen.stream().anyMatch(r -> key.equals(r.key()) && reason(r) != null)
          || !ids.get(key).isEmpty() && isFinal(get("/api/v1/notifications/" + ids.get(key)).getBody()));
      return open.isEmpty();
    });
    assertThat(deadSeen).filteredOn(r -> r.key() != null && r.key().startsWith("kafka-door-"))
        .allSatisfy(r -> assertThat(reason(r)).doesNotContain("java.", "Exception", "header"));
  }

  private final List<ConsumerRecord<String, byte[]>> deadSeen = new ArrayList<>();
  private static final int EVENT_TRIES = 60;

  private List<ConsumerRecord<String, byte[]>> deadLettersKeyed(String key, int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      deadLetters.poll(Duration.ofMillis(200)).forEach(deadSeen::add);
      return deadSeen.stream().filter(r -> key.equals(r.key())).count() >= count;
    });
    return deadSeen.stream().filter(r -> key.equals(r.key())).toList();
  }

  private static boolean isFinal(Map<String, Object> view) {
    return view != null && view.get("status") instanceof String status && NotificationStatus.valueOf(status).isFinal();
  }

  /** The event with this sender (emailRequest's JSON names none). */
  private static String withSender(String sender, String event) {
    return "{\"sender\":\"" + sender + "\"," + event.substring(1);
  }

  private static String text(ConsumerRecord<String, byte[]> record) {
    return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
  }

  private static String reason(ConsumerRecord<String, byte[]> record) {
    var header = record.headers().lastHeader(DeadLetters.REASON_HEADER);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /**
   * A HIGH event behind a backlog of LOW ones in the same partition: its lane passes over the backlog,
   * so it is started while most of the backlog still waits in Kafka (one lane would start it last).
   */
  @Test
  void aHighEventPublishedBehindABacklogOfLowOnesIsStartedBeforeTheBacklogDrains() throws Exception {
    int backlog = 800;
    for (int i = 0; i < backlog; i++) {
      kafka.send(new ProducerRecord<>(ONE_SENDER_TOPIC, 0, null,
          emailRequest("backlog-" + i, "Newsletter", "backlog@it.example").replaceFirst("\\{", "{\"priority\":\"LOW\",")));
    }
    ProducerRecord<String, String> urgent = new ProducerRecord<>(ONE_SENDER_TOPIC, 0, null,
        emailRequest("one-time-code", "Your code", "code@it.example"));
    urgent.headers().add(PriorityLanes.HEADER, "HIGH".getBytes(StandardCharsets.UTF_8));
    kafka.send(urgent).get();

    await().atMost(DELIVERY_WAIT).pollInterval(Duration.ofMillis(10))
        .until(() -> get("/api/v1/notifications/notification-kafka-shop~one-time-code").getStatusCode().value() == 200);
    int started = jdbc.queryForObject("select count(*) from notification where sender = 'kafka-shop' and "
        + "idempotency_key like 'backlog-%'", Integer.class);
    assertThat(started).as("backlog started before the high event").isLessThan(backlog / 2);
    assertThat(get("/api/v1/notifications/notification-kafka-shop~one-time-code").getBody().get("priority"))
        .isEqualTo("HIGH");
    awaitStatus("notification-kafka-shop~one-time-code", "COMPLETED");
  }

  @Test
  void anEventWhosePriorityHeaderContradictsItsBodyIsDeadLetteredNamingBoth() throws Exception {
    ProducerRecord<String, String> event = new ProducerRecord<>(ONE_SENDER_TOPIC, "contradicts",
        emailRequest("kafka-contradicts", "Which?", "which@it.example").replaceFirst("\\{", "{\"priority\":\"LOW\","));
    event.headers().add(PriorityLanes.HEADER, "HIGH".getBytes(StandardCharsets.UTF_8));
    kafka.send(event).get();

    assertThat(reason(deadLettersKeyed("contradicts", 1).get(0)))
        .isEqualTo("priority: is LOW but the herald-priority header says HIGH; leave one out or name the same");
  }
}
