package dev.herald.api.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * A template version with a digest, through the API: its notifications are collected per recipient
 * within the window and go out as one message listing each once; each is DIGESTED naming the digest.
 */
class DigestIT extends HeraldIntegrationTest {

  /** Long enough for 50 sends on a busy machine to fall in one window. */
  private static final String WINDOW = "10s";

  @Test
  @SuppressWarnings("unchecked")
  void fiftyEventsWithinTheWindowGoOutAsOneEmailListingEachOnce() {
    template("it-digest-replies", "{\"window\":\"" + WINDOW + "\"}");
    List<String> ids = IntStream.rangeClosed(1, 50).mapToObj(i -> send("it-digest-reply-" + i, "digest-ada")).toList();
    var repeat = post("/api/v1/notifications", request("it-digest-reply-7", "digest-ada", "it-digest-replies"));

    assertThat(repeat.getStatusCode().value()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> "DIGESTED".equals(view(id).get("status"))));
    List<String> digests = ids.stream().map(id -> (String) view(id).get("statusDetail")).distinct().toList();
    assertThat(digests).singleElement().asString().startsWith("into notification-admin~digest:it-digest-replies:");
    String digestId = digests.get(0).substring("into ".length());
    assertThat((List<Map<String, Object>>) view(ids.get(0)).get("deliveries")).singleElement()
        .satisfies(d -> assertThat(d).containsEntry("status", "SKIPPED").containsEntry("errorCode", "digested:" + digestId));

    awaitStatus(digestId, "COMPLETED");
    List<Map<String, Object>> mails = outboxTo("digest-ada@example.com");
    assertThat(mails).singleElement().satisfies(mail -> assertThat(mail).containsEntry("subject", "50 new replies"));
    String body = (String) mails.get(0).get("body");
    for (int i = 1; i <= 50; i++) {
      assertThat(body.split("\\Q[" + ids.get(i - 1) + "]\\E", -1)).as("reply " + i + " listed once").hasSize(2);
    }
    assertThat(body).contains("reply 7 by it").contains("reply 50 by it");
  }

  @Test
  void aDigestNeedsRecipientIdsAndIsNoBroadcast() {
    template("it-digest-door", "{\"window\":\"1m\"}");
    http().put().uri("/api/v1/recipients/digest-carol").contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"digest-carol@example.com\"}").retrieve().toBodilessEntity();
    post("/api/v1/groups", "{\"key\":\"it-digest-group\",\"name\":\"Digest readers\"}");
    post("/api/v1/groups/it-digest-group/members", "{\"recipientIds\":[\"digest-carol\"]}");

    var withoutId = post("/api/v1/notifications", """
        {"idempotencyKey":"it-digest-no-id","channels":["EMAIL"],"template":"it-digest-door",
         "recipients":[{"id":"digest-bob","email":"digest-bob@example.com"},{"email":"digest-anon@example.com"}]}""");
    var toGroup = post("/api/v1/notifications", """
        {"idempotencyKey":"it-digest-group","channels":["EMAIL"],"template":"it-digest-door","group":"it-digest-group"}""");

    assertThat(withoutId.getStatusCode().value()).isEqualTo(400);
    assertThat(withoutId.getBody().toString()).contains("recipients[1].id").doesNotContain("recipients[0].id");
    assertThat(toGroup.getStatusCode().value()).isEqualTo(400);
    assertThat(toGroup.getBody().toString()).contains("field=group").contains("not to a group");
  }

  @Test
  void aVersionsDigestNamesExactlyOneWindow() {
    post("/api/v1/templates", "{\"key\":\"it-digest-wrong\"}");

    var both = version("it-digest-wrong", "{\"window\":\"10m\",\"dailyAt\":\"09:00\"}");
    var badTime = version("it-digest-wrong", "{\"dailyAt\":\"9am\"}");
    var tooLong = version("it-digest-wrong", "{\"window\":\"30d\",\"key\":\"Replies!\"}");

    assertThat(both.getStatusCode().value()).isEqualTo(400);
    assertThat(both.getBody().toString()).contains("settings.digest.window");
    assertThat(badTime.getBody().toString()).contains("settings.digest.dailyAt");
    assertThat(tooLong.getBody().toString()).contains("settings.digest.window").contains("settings.digest.key");
  }

  private void template(String key, String digest) {
    post("/api/v1/templates", "{\"key\":\"" + key + "\"}");
    assertThat(version(key, digest).getStatusCode().value()).isEqualTo(201);
    assertThat(post("/api/v1/templates/" + key + "/versions/1/publish", "").getStatusCode().is2xxSuccessful()).isTrue();
  }

  private org.springframework.http.ResponseEntity<Map<String, Object>> version(String key, String digest) {
    return post("/api/v1/templates/" + key + "/versions", """
        {"defaults":{"email":{"subject":"{{count}} new replies",
                              "text":"{{#events}}- {{text}} by {{author}} [{{notificationId}}]\\n{{/events}}"}},
         "settings":{"digest":%s}}""".formatted(digest));
  }

  private String send(String key, String recipientId) {
    var accepted = post("/api/v1/notifications", request(key, recipientId, "it-digest-replies"));
    assertThat(accepted.getStatusCode().value()).as(accepted.toString()).isEqualTo(202);
    return (String) accepted.getBody().get("id");
  }

  private static String request(String key, String recipientId, String template) {
    return """
        {"idempotencyKey":"%s","channels":["EMAIL"],"template":"%s",
         "variables":{"text":"reply %s","author":"it"},
         "recipients":[{"id":"%s","email":"%s@example.com"}]}"""
        .formatted(key, template, key.substring(key.lastIndexOf('-') + 1), recipientId, recipientId);
  }

  private Map<String, Object> view(String id) {
    return get("/api/v1/notifications/" + id).getBody();
  }

  private List<Map<String, Object>> outboxTo(String address) {
    List<Map<String, Object>> mails = http().get().uri("/api/v1/dev/outbox?channel=EMAIL").retrieve()
        .body(new ParameterizedTypeReference<>() {});
    return mails.stream().filter(m -> ((List<?>) m.get("to")).contains(address)).toList();
  }
}
