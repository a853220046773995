package dev.herald.devkit.simulator.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Slack end to end: the notification workflow, the slack queue's activity, the real Slack SDK over
 * HTTP to the in-process Slack simulator. Tests use their own Slack ids; faults are cleared after each.
 */
class SlackChannelIT extends HeraldIntegrationTest {

  @Autowired SlackSimulator slack;
  @Autowired SlackSimulatorProperties simulator;

  @AfterEach
  void clearFaults() {
    http().delete().uri("/api/v1/dev/simulators/slack/faults").retrieve().toBodilessEntity();
  }

  @Test
  void aMessageToAConversationIsPostedThroughTheSdkAndShowsInTheDevOutbox() {
    var accepted = post("/api/v1/notifications", slackRequest("slack-ok-1", "{\"slack\":\"C0ITOK001\"}"));

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~slack-ok-1", "COMPLETED");
    Map<String, Object> delivery = onlyDelivery("notification-admin~slack-ok-1");
    assertThat(delivery).containsEntry("channel", "SLACK").containsEntry("recipient", "C0ITOK001")
        .containsEntry("status", "SENT").containsEntry("attempts", 1);
    assertThat((String) delivery.get("providerMessageId")).matches("C0ITOK001:\\d{10}\\.\\d{6}");
    assertThat(outbox("C0ITOK001")).singleElement().satisfies(message -> {
      assertThat(message).containsEntry("channel", "SLACK").containsEntry("to", List.of("C0ITOK001"))
          .containsEntry("body", "*Your order*\nIt has shipped 🚚");
      assertThat((Map<String, String>) message.get("headers"))
          .containsEntry("channel", "C0ITOK001")
          .containsEntry("ts", ((String) delivery.get("providerMessageId")).substring("C0ITOK001:".length()));
    });
    assertThat(slack.requestsTo("C0ITOK001")).as("one call: no auth.test, no SDK retry").hasSize(1);
  }

  @Test
  void aMessageToAUserIdIsADirectMessageRecordedWithItsConversation() {
    post("/api/v1/notifications", slackRequest("slack-dm-1", "{\"slack\":\"U0ITDM001\"}"));

    awaitStatus("notification-admin~slack-dm-1", "COMPLETED");
    assertThat((String) onlyDelivery("notification-admin~slack-dm-1").get("providerMessageId")).startsWith("D0ITDM001:");
    assertThat(slack.postedTo("U0ITDM001")).hasSize(1);
  }

  @Test
  void channelNotFoundFailsTheDeliveryAtOnceWithSlacksName() {
    injectFault("{\"errorCode\":\"channel_not_found\",\"rate\":1.0}");

    post("/api/v1/notifications", slackRequest("slack-gone-1", "{\"slack\":\"C0ITGONE1\"}"));

    awaitStatus("notification-admin~slack-gone-1", "FAILED");
    assertThat(onlyDelivery("notification-admin~slack-gone-1")).containsEntry("status", "FAILED")
        .containsEntry("errorCode", "slack-channel_not_found").containsEntry("attempts", 1);
    assertThat(slack.requestsTo("C0ITGONE1")).extracting(SlackSimulator.SimulatedRequest::status,
        SlackSimulator.SimulatedRequest::error).containsExactly(tuple(200, "channel_not_found"));
    assertThat(outbox("C0ITGONE1")).isEmpty();
  }

  @Test
  void aRateLimitIsRetriedAfterRetryAfterWithOneCallPerAttempt() {
    injectFault("{\"httpStatus\":429,\"rate\":1.0}");

    post("/api/v1/notifications", slackRequest("slack-limit-1", "{\"slack\":\"C0ITLIMIT\"}"));
    await().atMost(DELIVERY_WAIT).pollInterval(Duration.ofMillis(20))
        .until(() -> !slack.requestsTo("C0ITLIMIT").isEmpty());
    clearFaults();

    awaitStatus("notification-admin~slack-limit-1", "COMPLETED");
    var requests = slack.requestsTo("C0ITLIMIT");
    assertThat(requests.get(0)).extracting(SlackSimulator.SimulatedRequest::status,
        SlackSimulator.SimulatedRequest::error).containsExactly(429, "ratelimited");
    assertThat(requests.get(requests.size() - 1).status()).isEqualTo(200);
    assertThat(onlyDelivery("notification-admin~slack-limit-1")).containsEntry("status", "SENT")
        .as("Temporal's retry alone: one Slack call per attempt").containsEntry("attempts", requests.size());
    assertThat(outbox("C0ITLIMIT")).hasSize(1);
  }

  @Test
  void aRecipientGivenByIdGetsItsStoredSlackId() {
    putRecipient("it-slack-ada", "{\"name\":\"Ada\",\"slack\":\"U0ITADA01\"}");

    post("/api/v1/notifications", slackRequest("slack-stored-1", "{\"id\":\"it-slack-ada\"}"));

    awaitStatus("notification-admin~slack-stored-1", "COMPLETED");
    assertThat(onlyDelivery("notification-admin~slack-stored-1")).containsEntry("recipient", "U0ITADA01");
    assertThat(slack.postedTo("U0ITADA01")).hasSize(1);
  }

  @Test
  void aGroupMemberWithAStoredSlackIdGetsTheMessageRenderedForThem() {
    putRecipient("it-slack-grace", "{\"name\":\"Grace\",\"slack\":\"U0ITGRACE\"}");
    putRecipient("it-slack-linus", "{\"name\":\"Linus\",\"email\":\"linus@it.example\"}");
    post("/api/v1/groups", "{\"key\":\"it-slack-team\",\"name\":\"Slack team\"}");
    post("/api/v1/groups/it-slack-team/members", "{\"recipientIds\":[\"it-slack-grace\",\"it-slack-linus\"]}");
    post("/api/v1/templates", "{\"key\":\"it-slack-sale\",\"owner\":\"it-shop\"}");
    post("/api/v1/templates/it-slack-sale/versions",
        "{\"defaults\":{\"slack\":{\"text\":\"Hi {{recipient.name}} (<@{{recipient.slack}}>), {{discount}} off\"}}}");
    post("/api/v1/templates/it-slack-sale/versions/1/publish", "");

    var accepted = post("/api/v1/notifications", "{\"idempotencyKey\":\"slack-group-1\",\"channels\":[\"SLACK\"],"
        + "\"group\":\"it-slack-team\",\"template\":\"it-slack-sale\",\"variables\":{\"discount\":\"20%\"}}");

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~slack-group-1", "COMPLETED");
    assertThat(deliveries("notification-admin~slack-group-1")).as("a member without a Slack id gets no Slack delivery")
        .singleElement().satisfies(delivery -> assertThat(delivery).containsEntry("recipient", "U0ITGRACE")
            .containsEntry("status", "SENT"));
    assertThat(slack.postedTo("U0ITGRACE")).singleElement()
        .satisfies(message -> assertThat(message.body()).isEqualTo("Hi Grace (<@U0ITGRACE>), 20% off"));
  }

  @Test
  void aTemplateWithoutASlackPartIsRefusedAtTheDoor() {
    post("/api/v1/templates", "{\"key\":\"it-slack-sms-only\",\"owner\":\"it-shop\"}");
    post("/api/v1/templates/it-slack-sms-only/versions", "{\"defaults\":{\"sms\":{\"body\":\"hi\"}}}");
    post("/api/v1/templates/it-slack-sms-only/versions/1/publish", "");

    var refused = post("/api/v1/notifications", "{\"idempotencyKey\":\"slack-tpl-1\",\"channels\":[\"SLACK\"],"
        + "\"recipients\":[{\"slack\":\"C0ITTPL01\"}],\"template\":\"it-slack-sms-only\"}");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).extracting(e -> e.get("field"))
        .containsExactly("template");
    assertThat(slack.requestsTo("C0ITTPL01")).isEmpty();
  }

  @Test
  void theRecipientsApiStoresAndImportsTheSlackId() {
    var created = putRecipient("it-slack-rt", "{\"name\":\"Round Trip\",\"slack\":\"W0ITROUND\"}");
    var bad = putRecipient("it-slack-bad", "{\"slack\":\"#general\"}");
    var imported = http().post().uri("/api/v1/recipients/import").contentType(MediaType.parseMediaType("text/csv"))
        .body("id,name,slack\nit-slack-csv,From CSV,C0ITCSV01\n").retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    var ndjson = http().post().uri("/api/v1/recipients/import")
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .body("{\"id\":\"it-slack-nd\",\"slack\":\"G0ITNDJS1\"}\n").retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("slack", "W0ITROUND");
    assertThat(get("/api/v1/recipients/it-slack-rt").getBody()).containsEntry("slack", "W0ITROUND");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(bad)).containsExactly("slack");
    assertThat(imported.getBody()).containsEntry("created", 1).containsEntry("rejected", 0);
    assertThat(get("/api/v1/recipients/it-slack-csv").getBody()).containsEntry("slack", "C0ITCSV01");
    assertThat(ndjson.getBody()).containsEntry("created", 1);
    assertThat(get("/api/v1/recipients/it-slack-nd").getBody()).containsEntry("slack", "G0ITNDJS1");
  }

  @Test
  void aBadOrMissingSlackIdIsABadRequestNamingTheField() {
    var malformed = post("/api/v1/notifications", slackRequest("slack-bad-1", "{\"slack\":\"general\"}"));
    var missing = post("/api/v1/notifications", slackRequest("slack-bad-2", "{\"email\":\"no-slack@it.example\"}"));

    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(malformed)).containsExactly("recipients[0].slack");
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(missing)).containsExactly("recipients[0].slack");
    assertThat(get("/api/v1/notifications/notification-admin~slack-bad-1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theSimulatorAnswersJsonCallsInSlacksShapesAndChecksTheBotToken() {
    String message = "{\"channel\":\"C0ITJSON1\",\"text\":\"Posted as JSON\"}";

    var posted = postToSimulator("Bearer " + simulator.token(), message);
    var wrongToken = postToSimulator("Bearer xoxb-not-the-token", message);
    var noToken = postToSimulator(null, message);
    var archived = postToSimulator("Bearer " + simulator.token(), "{\"channel\":\"C0ARCHIVED\",\"text\":\"x\"}");
    var noText = postToSimulator("Bearer " + simulator.token(), "{\"channel\":\"C0ITJSON1\",\"text\":\" \"}");
    injectFault("{\"errorCode\":\"ratelimited\",\"rate\":1.0}");
    var limited = postToSimulator("Bearer " + simulator.token(), message);

    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(posted.getBody()).containsEntry("ok", true).containsEntry("channel", "C0ITJSON1").containsKey("ts");
    assertThat((String) posted.getBody().get("ts")).matches("\\d{10}\\.\\d{6}");
    assertThat((Map<String, Object>) posted.getBody().get("message")).containsEntry("type", "message")
        .containsEntry("text", "Posted as JSON").containsEntry("ts", posted.getBody().get("ts"));
    assertThat(wrongToken.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(wrongToken.getBody()).isEqualTo(Map.of("ok", false, "error", "invalid_auth"));
    assertThat(noToken.getBody()).isEqualTo(Map.of("ok", false, "error", "not_authed"));
    assertThat(archived.getBody()).isEqualTo(Map.of("ok", false, "error", "is_archived"));
    assertThat(noText.getBody()).isEqualTo(Map.of("ok", false, "error", "no_text"));
    assertThat(limited.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(limited.getHeaders().getFirst("Retry-After")).isEqualTo("1");
    assertThat(limited.getBody()).isEqualTo(Map.of("ok", false, "error", "ratelimited"));
    assertThat(outbox("C0ITJSON1")).singleElement().satisfies(m -> assertThat(m).containsEntry("body", "Posted as JSON"));
  }

  private ResponseEntity<Map<String, Object>> postToSimulator(String authorization, String json) {
    return http(null).post().uri("/simulators/slack/api/chat.postMessage").contentType(MediaType.APPLICATION_JSON)
        .headers(h -> {
          if (authorization != null) {
            h.set("Authorization", authorization);
          }
        })
        .body(json).retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  private static String slackRequest(String key, String recipient) {
    return "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"SLACK\"],\"recipients\":[" + recipient + "],"
        + "\"subject\":\"Your order\",\"body\":\"It has shipped 🚚\"}";
  }

  private void injectFault(String faultJson) {
    var answer = post("/api/v1/dev/simulators/slack/faults", faultJson);
    if (answer.getStatusCode() != HttpStatus.OK) {
      throw new IllegalStateException("fault not injected: " + answer);
    }
  }

  private ResponseEntity<Map<String, Object>> putRecipient(String id, String json) {
    return http().put().uri("/api/v1/recipients/{id}", id).contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  private List<Map<String, Object>> outbox(String to) {
    List<Map<String, Object>> all = http().get().uri("/api/v1/dev/outbox?channel=SLACK").retrieve()
        .body(new ParameterizedTypeReference<>() {});
    return all.stream().filter(message -> List.of(to).equals(message.get("to"))).toList();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> deliveries(String notificationId) {
    return (List<Map<String, Object>>) get("/api/v1/notifications/" + notificationId).getBody().get("deliveries");
  }

  private Map<String, Object> onlyDelivery(String notificationId) {
    List<Map<String, Object>> deliveries = deliveries(notificationId);
    assertThat(deliveries).hasSize(1);
    return deliveries.get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<String> fields(ResponseEntity<Map<String, Object>> response) {
    return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
        .map(error -> (String) error.get("field")).toList();
  }
}
