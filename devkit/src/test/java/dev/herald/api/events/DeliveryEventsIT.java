package dev.herald.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.events.EventsTopic.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every delivery state change reaches herald.notifications.events once, in order per notification,
 * as a CloudEvent (binary mode) whose body matches the published JSON Schema, read by a real consumer.
 */
class DeliveryEventsIT extends HeraldIntegrationTest {

  @Autowired KafkaAdmin admin;
  @Autowired EventsProperties events;
  private EventsTopic topic;

  @BeforeEach
  void readTheTopicFromNow() {
    topic = new EventsTopic(admin.getConfigurationProperties().get("bootstrap.servers"), events.topic());
  }

  @AfterEach
  void close() {
    topic.close();
  }

  @Test
  void sentFailedDeadLetteredSkippedAndReadChangesArePublishedOnceEachInOrderPerNotification() {
    String sent = send("events-mix-sent", "EMAIL", "{\"email\":\"events-sent@it.example\"}");
    String failed = send("events-mix-failed", "SMS", "{\"phone\":\"+15005550001\"}"); // Twilio's 21211
    String skipped = send("events-mix-skipped", "SMS", "{\"phone\":\"+15005550004\"}"); // Twilio's 21610
    String read = send("events-mix-read", "IN_APP", "{\"id\":\"events-reader\"}");

    awaitTypes(read, "accepted", "sent");
    long item = ((Number) inbox("events-reader").get(0).get("id")).longValue();
    post("/api/v1/inbox/" + item + "/read?recipientId=events-reader", "");

    awaitTypes(sent, "accepted", "sent");
    awaitTypes(failed, "accepted", "failed", "dead-lettered"); // a permanent error: a dead letter too
    awaitTypes(skipped, "accepted", "skipped");
    awaitTypes(read, "accepted", "sent", "read");
    assertThat(topic.of(failed).get(1).body().get("errorCode").asText()).isEqualTo("twilio-21211");
    assertThat(topic.of(skipped).get(1).body().get("errorCode").asText()).isEqualTo("opted-out:address");
    assertThat(topic.of(read).get(1).body().get("providerMessageId").asText()).isEqualTo(Long.toString(item));
    for (String id : List.of(sent, failed, skipped, read)) {
      assertThat(topic.of(id)).allSatisfy(event -> assertCloudEvent(event, id));
      assertThat(topic.of(id)).extracting(event -> Long.parseLong(event.id())).isSorted().doesNotHaveDuplicates();
    }
    assertThat(topic.poll()).extracting(Event::id).doesNotHaveDuplicates();
  }

  private static void assertCloudEvent(Event event, String notificationId) {
    String deliveryId = event.body().get("deliveryId").asText();
    assertThat(event.key()).isEqualTo(notificationId);
    assertThat(event.ce()).containsEntry("specversion", "1.0").containsEntry("source", "/herald")
        .containsEntry("type", "dev.herald.delivery." + event.type()).containsEntry("subject", deliveryId)
        .containsKeys("id", "time");
    assertThat(event.contentType()).isEqualTo("application/json");
    assertThat(deliveryId).startsWith(notificationId + "/");
    assertThat(event.body().get("sender").asText()).isEqualTo(ADMIN_SENDER);
    assertThat(event.body().toString()).doesNotContain("@it.example", "+1500555", "Hello from Herald");
  }

  /** Waits until the notification's events are exactly these, in this order. */
  private void awaitTypes(String notificationId, String... types) {
    await().atMost(DELIVERY_WAIT).untilAsserted(() -> {
      topic.poll();
      assertThat(topic.of(notificationId)).extracting(Event::type).containsExactly(types);
    });
  }

  private String send(String key, String channel, String recipient) {
    var accepted = post("/api/v1/notifications", "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"" + channel
        + "\"],\"recipients\":[" + recipient + "],\"subject\":\"Events\",\"body\":\"Hello from Herald\"}");
    assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
    return notificationId(key);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> inbox(String recipientId) {
    return (List<Map<String, Object>>) get("/api/v1/inbox?recipientId=" + recipientId).getBody().get("items");
  }
}
