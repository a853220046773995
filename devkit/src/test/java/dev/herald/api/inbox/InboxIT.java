package dev.herald.api.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.HeraldIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The in-app channel end to end: a notification to a recipient id lands in that recipient's inbox
 * (PostgreSQL), is listed, counted, marked read, and streamed live over Server-Sent Events. Each
 * test uses its own recipient ids.
 */
class InboxIT extends HeraldIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired JdbcTemplate jdbc;

  @Test
  void inAppNotificationIsListedInTheRecipientsInboxWithItsNotificationId() {
    assertThat(send("inbox-welcome-1", "user-1", "Welcome").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~inbox-welcome-1", "COMPLETED");

    List<Map<String, Object>> items = items(get("/api/v1/inbox?recipientId=user-1"));

    Map<String, Object> item = items.stream()
        .filter(i -> "notification-admin~inbox-welcome-1".equals(i.get("notificationId"))).findFirst().orElseThrow();
    assertThat(item).containsEntry("recipientId", "user-1").containsEntry("title", "Welcome")
        .containsEntry("body", "Hello from Herald").containsEntry("read", false).containsEntry("readAt", null);
    assertThat(delivery("notification-admin~inbox-welcome-1")).containsEntry("status", "SENT")
        .containsEntry("recipient", "user-1")
        .containsEntry("providerMessageId", String.valueOf(item.get("id")));
  }

  @Test
  void anotherRecipientDoesNotSeeTheItemNorMarkIt() {
    send("inbox-private-1", "private-owner", "Private");
    awaitStatus("notification-admin~inbox-private-1", "COMPLETED");
    long itemId = onlyItemId("private-owner");

    assertThat(items(get("/api/v1/inbox?recipientId=private-other"))).isEmpty();
    assertThat(get("/api/v1/inbox/unread-count?recipientId=private-other").getBody()).containsEntry("unread", 0);
    var markedByOther = post("/api/v1/inbox/" + itemId + "/read?recipientId=private-other", "");
    assertThat(markedByOther.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(markedByOther.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(markedByOther.getBody()).containsEntry("type", "/problems/not-found");
    assertThat(get("/api/v1/inbox/unread-count?recipientId=private-owner").getBody()).containsEntry("unread", 1);
  }

  @Test
  void unreadCountFollowsMarkReadAndUnread() {
    send("inbox-count-1", "counter", "First");
    send("inbox-count-2", "counter", "Second");
    awaitStatus("notification-admin~inbox-count-1", "COMPLETED");
    awaitStatus("notification-admin~inbox-count-2", "COMPLETED");
    assertThat(unread("counter")).isEqualTo(2);
    long first = items(get("/api/v1/inbox?recipientId=counter")).stream()
        .filter(i -> "notification-admin~inbox-count-1".equals(i.get("notificationId")))
        .map(i -> ((Number) i.get("id")).longValue()).findFirst().orElseThrow();

    var read = post("/api/v1/inbox/" + first + "/read?recipientId=counter", "");
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody()).containsEntry("read", true)
        .containsEntry("notificationId", "notification-admin~inbox-count-1");
    assertThat(read.getBody().get("readAt")).isNotNull();
    assertThat(unread("counter")).isEqualTo(1);
    assertThat(items(get("/api/v1/inbox?recipientId=counter&unreadOnly=true")))
        .extracting(i -> i.get("notificationId")).containsExactly("notification-admin~inbox-count-2");

    var unreadAgain = post("/api/v1/inbox/" + first + "/unread?recipientId=counter", "");
    assertThat(unreadAgain.getBody()).containsEntry("read", false).containsEntry("readAt", null);
    assertThat(unread("counter")).isEqualTo(2);
  }

  @Test
  void pagesAreNewestFirstWithACursor() {
    for (int i = 1; i <= 3; i++) {
      send("inbox-page-" + i, "pager", "Page " + i);
      awaitStatus("notification-admin~inbox-page-" + i, "COMPLETED");
    }

    Map<String, Object> first = get("/api/v1/inbox?recipientId=pager&limit=2").getBody();
    Map<String, Object> second =
        get("/api/v1/inbox?recipientId=pager&limit=2&before=" + first.get("nextBefore")).getBody();

    assertThat(items(first)).extracting(i -> i.get("title")).containsExactly("Page 3", "Page 2");
    assertThat(items(second)).extracting(i -> i.get("title")).containsExactly("Page 1");
    assertThat(second.get("nextBefore")).isNull();
  }

  @Test
  void subscribedClientReceivesTheItemWithinASecondOfDelivery() throws Exception {
    try (SseClient stream = SseClient.connect(streamUri("sse-user"), null)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");

      send("inbox-live-1", "sse-user", "Live");
      await().atMost(DELIVERY_WAIT).until(() -> "SENT".equals(delivery("notification-admin~inbox-live-1").get("status")));
      Instant sent = Instant.now();

      await().atMost(Duration.ofSeconds(1)).until(() -> itemEvent(stream, "notification-admin~inbox-live-1").isPresent());
      SseClient.Event event = itemEvent(stream, "notification-admin~inbox-live-1").orElseThrow();
      assertThat(event.receivedAt()).isBefore(sent.plusSeconds(1));
      Map<String, Object> item = JSON.readValue(event.data(), Map.class);
      assertThat(item).containsEntry("recipientId", "sse-user").containsEntry("title", "Live")
          .containsEntry("read", false);
      assertThat(event.id()).isEqualTo(String.valueOf(item.get("id")));
      assertThat(stream.comments()).contains("connected");
    }
  }

  @Test
  void streamShowsOnlyTheSubscribersItems() throws Exception {
    try (SseClient other = SseClient.connect(streamUri("sse-bystander"), null);
        SseClient owner = SseClient.connect(streamUri("sse-owner"), null)) {
      send("inbox-scoped-1", "sse-owner", "Yours");

      await().atMost(DELIVERY_WAIT).until(() -> itemEvent(owner, "notification-admin~inbox-scoped-1").isPresent());
      assertThat(other.events()).isEmpty();
    }
  }

  @Test
  void reconnectWithLastEventIdReplaysTheItemsMissed() throws Exception {
    send("inbox-resume-1", "resumer", "Seen");
    awaitStatus("notification-admin~inbox-resume-1", "COMPLETED");
    String lastSeen = String.valueOf(onlyItemId("resumer"));
    send("inbox-resume-2", "resumer", "Missed");
    awaitStatus("notification-admin~inbox-resume-2", "COMPLETED");

    try (SseClient stream = SseClient.connect(streamUri("resumer"), lastSeen)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> itemEvent(stream, "notification-admin~inbox-resume-2").isPresent());
      assertThat(stream.events()).extracting(SseClient.Event::name).containsExactly("item");
    }
  }

  @Test
  void streamsGoOnAfterTheListenerLosesItsDatabaseConnection() throws Exception {
    try (SseClient stream = SseClient.connect(streamUri("sse-survivor"), null)) {
      Integer terminated = jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity"
          + " where application_name = 'herald-inbox-listener'", Integer.class);
      assertThat(terminated).isEqualTo(1);

      send("inbox-survivor-1", "sse-survivor", "Still here");

      await().atMost(DELIVERY_WAIT).until(() -> itemEvent(stream, "notification-admin~inbox-survivor-1").isPresent());
    }
  }

  @Test
  void sameNotificationSentTwiceProducesOneItem() {
    assertThat(send("inbox-twice-1", "twice-user", "Once").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~inbox-twice-1", "COMPLETED");
    assertThat(send("inbox-twice-1", "twice-user", "Once").getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(items(get("/api/v1/inbox?recipientId=twice-user")))
        .extracting(i -> i.get("notificationId")).containsExactly("notification-admin~inbox-twice-1");
    assertThat(unread("twice-user")).isEqualTo(1);
  }

  @Test
  void devOutboxShowsInboxItems() {
    send("inbox-outbox-1", "outbox-user", "Outbox");
    awaitStatus("notification-admin~inbox-outbox-1", "COMPLETED");

    var outbox = http().get().uri("/api/v1/dev/outbox?channel=IN_APP").retrieve()
        .toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() {});

    assertThat(outbox.getBody()).anySatisfy(message -> {
      assertThat(message).containsEntry("channel", "IN_APP").containsEntry("to", List.of("outbox-user"))
          .containsEntry("subject", "Outbox");
      assertThat((Map<String, Object>) message.get("headers"))
          .containsEntry("notificationId", "notification-admin~inbox-outbox-1");
    });
  }

  @Test
  void badParametersAreProblemDetailsNamingTheField() throws Exception {
    assertThat(get("/api/v1/inbox").getBody()).containsEntry("type", "/problems/invalid-request")
        .containsEntry("detail", "recipientId: is required: the id of the inbox's recipient");
    assertThat(field(get("/api/v1/inbox?recipientId=x&limit=0"))).isEqualTo("limit");
    assertThat(field(get("/api/v1/inbox?recipientId=x&before=abc"))).isEqualTo("before");
    assertThat(field(get("/api/v1/inbox/unread-count"))).isEqualTo("recipientId");
    assertThat(post("/api/v1/inbox/999999999/read?recipientId=x", "").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    try (SseClient stream = SseClient.connect(URI.create("http://localhost:" + port + "/api/v1/inbox/stream"), null)) {
      assertThat(stream.status()).as("no token").isEqualTo(401);
    }
  }

  @Test
  void theBrowserClientAndItsDemoAreServed() {
    var script = http().get().uri("/herald-inbox.js").retrieve().toEntity(String.class);
    var demo = http().get().uri("/inbox-demo.html").retrieve().toEntity(String.class);

    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getHeaders().getContentType().toString()).contains("javascript");
    assertThat(script.getBody()).contains("export function connectInbox");
    assertThat(demo.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(demo.getBody()).contains("import { connectInbox } from './herald-inbox.js'");
  }

  private ResponseEntity<Map<String, Object>> send(String key, String recipientId, String subject) {
    return post("/api/v1/notifications", "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"IN_APP\"],"
        + "\"recipients\":[{\"id\":\"" + recipientId + "\"}],\"subject\":\"" + subject + "\","
        + "\"body\":\"Hello from Herald\"}");
  }

  private URI streamUri(String recipientId) {
    return URI.create("http://localhost:" + port + "/api/v1/inbox/stream?token=" + recipientToken(recipientId));
  }

  private Map<String, Object> delivery(String notificationId) {
    var deliveries =
        (List<Map<String, Object>>) get("/api/v1/notifications/" + notificationId).getBody().get("deliveries");
    return deliveries.isEmpty() ? Map.of() : deliveries.get(0);
  }

  private long onlyItemId(String recipientId) {
    List<Map<String, Object>> items = items(get("/api/v1/inbox?recipientId=" + recipientId));
    assertThat(items).hasSize(1);
    return ((Number) items.get(0).get("id")).longValue();
  }

  private long unread(String recipientId) {
    return ((Number) get("/api/v1/inbox/unread-count?recipientId=" + recipientId).getBody().get("unread")).longValue();
  }

  private static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return items(response.getBody());
  }

  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  private static String field(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return (String) ((List<Map<String, Object>>) response.getBody().get("errors")).get(0).get("field");
  }

  private static Optional<SseClient.Event> itemEvent(SseClient stream, String notificationId) {
    return stream.events().stream()
        .filter(e -> e.name().equals("item") && notificationIdOf(e).equals(notificationId))
        .findFirst();
  }

  private static String notificationIdOf(SseClient.Event event) {
    try {
      return String.valueOf(JSON.readValue(event.data(), Map.class).get("notificationId"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
