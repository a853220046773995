package dev.herald.api.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/** The dead letters' API: a refused event listed and re-driven after its cause is fixed; discard; its problems. */
class DeadLettersApiIT extends HeraldIntegrationTest {

  @Autowired private ProducerFactory<String, String> producers;
  @Autowired private JdbcTemplate jdbc;

  @Test
  void aRefusedEventIsADeadLetterAndItsRedriveAfterTheFixSendsIt() throws Exception {
    Instant before = Instant.now();
    new KafkaTemplate<>(producers).send(ONE_SENDER_TOPIC, "dl-event", "{\"idempotencyKey\":\"dl-event-1\","
        + "\"channels\":[\"EMAIL\"],\"group\":\"dl-later-group\",\"subject\":\"Later\",\"body\":\"b\"}").get();
    Map<String, Object> letter = awaitLetter("kind=EVENT&errorCode=invalid-event&since=" + before, "dl-later-group");
    assertThat(letter).containsEntry("status", "OPEN").containsEntry("topic", ONE_SENDER_TOPIC);

    http().put().uri("/api/v1/recipients/dl-ada?owner=" + TOPIC_SENDER).contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"dl-ada@it.example\"}").retrieve().toBodilessEntity();
    post("/api/v1/groups?owner=" + TOPIC_SENDER, "{\"key\":\"dl-later-group\",\"name\":\"Later\"}");
    post("/api/v1/groups/dl-later-group/members?owner=" + TOPIC_SENDER, "{\"recipientIds\":[\"dl-ada\"]}");
    var redriven = post("/api/v1/dead-letters/" + letter.get("id") + "/redrive", "");

    assertThat(redriven.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(redriven.getBody()).containsEntry("status", "REDRIVEN");
    awaitStatus("notification-" + TOPIC_SENDER + "~dl-event-1", "COMPLETED");
    assertThat(mailsTo("dl-ada@it.example")).hasSize(1);
  }

  @Test
  void anOpenDeadLetterIsDiscardedOnceAndCannotBeRedrivenThen() {
    post("/api/v1/notifications", "{\"idempotencyKey\":\"dl-invalid-1\",\"sender\":\"dl-api-it\",\"channels\":[\"SMS\"],"
        + "\"recipients\":[{\"phone\":\"+15005550001\"}],\"body\":\"Never\"}");
    Map<String, Object> letter = awaitLetter("sender=dl-api-it&channel=SMS", "");
    String path = "/api/v1/dead-letters/" + letter.get("id");
    assertThat(letter).containsEntry("errorCode", "twilio-21211").containsEntry("kind", "DELIVERY");
    awaitStatus("notification-dl-api-it~dl-invalid-1", "FAILED");
    assertThat(keptContent("notification-dl-api-it~dl-invalid-1")).isEqualTo(1);

    assertThat(post(path + "/discard", "").getBody()).containsEntry("status", "DISCARDED");
    assertThat(keptContent("notification-dl-api-it~dl-invalid-1")).as("nothing left to re-drive it").isZero();
    assertThat(post(path + "/discard", "").getStatusCode()).isEqualTo(HttpStatus.OK);
    var redrive = post(path + "/redrive", "");
    assertThat(redrive.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(redrive.getBody()).containsEntry("type", "/problems/wrong-state");
    assertThat(http().get().uri("/api/v1/dead-letters/counts?status=DISCARDED").retrieve().body(String.class))
        .contains("\"channel\":\"SMS\"", "\"errorCode\":\"twilio-21211\"");
  }

  @Test
  void unknownIdsBadFiltersAndSenderKeysAreProblems() {
    assertThat(get("/api/v1/dead-letters/987654321").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("/api/v1/dead-letters/987654321/redrive", "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("/api/v1/dead-letters?channel=PIGEON").getBody()).containsEntry("type", "/problems/invalid-request");
    assertThat(get("/api/v1/dead-letters?size=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("/api/v1/dead-letters/not-a-number").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http(senderKey("dl-sender")).get().uri("/api/v1/dead-letters").retrieve().toBodilessEntity()
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** The first dead letter the query finds whose error mentions {@code words}. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> awaitLetter(String query, String words) {
    return await().atMost(DELIVERY_WAIT).until(() -> {
      var page = http().get().uri("/api/v1/dead-letters?" + query).retrieve()
          .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {}).getBody();
      return ((List<Map<String, Object>>) page.get("items")).stream()
          .filter(item -> String.valueOf(item.get("error")).contains(words)).findFirst().orElse(null);
    }, letter -> letter != null);
  }

  /** Whether what the notification sends is kept for re-drives (rows of notification_content). */
  private int keptContent(String notificationId) {
    return jdbc.queryForObject("select count(*) from notification_content where notification_id = ?", Integer.class,
        notificationId);
  }
}
