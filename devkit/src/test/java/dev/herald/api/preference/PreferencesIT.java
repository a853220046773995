package dev.herald.api.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.workflows.notification.NotificationIds;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Recipients' preferences through the API, honoured by real sends (embedded everything, the SMTP sink):
 * channel and category scopes, critical categories, recipient tokens, the suppression list and a
 * template version's category.
 */
class PreferencesIT extends HeraldIntegrationTest {

  private static final String SENDER = "pref-shop";
  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Test
  void aRecipientOptedOutOfEmailIsSkippedWithItsScopeAndTheOthersAreSent() {
    assertThat(putPreferences("pref-a1", "[{\"channel\":\"EMAIL\",\"optedOut\":true}]").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    String id = send("pref-email-1", null, "pref-a1", "pref-a2");

    assertThat(deliveries(id)).extracting(d -> d.get("recipient") + " " + d.get("status") + " " + d.get("errorCode"))
        .containsExactlyInAnyOrder("pref-a1@example.com SKIPPED opted-out:channel=email",
            "pref-a2@example.com SENT null");
    assertThat(mailsTo("pref-a1@example.com")).isEmpty();
    assertThat(mailsTo("pref-a2@example.com")).hasSize(1);
    assertThat(notification(id).get("progress")).asInstanceOf(
        org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("skipped", 1).containsEntry("sent", 1);
  }

  @Test
  void aCategoryOptOutStopsThatCategoryOnlyAndAnOptInReopensOneInsideAWiderOptOut() {
    putPreferences("pref-b1", "[{\"category\":\"marketing\",\"optedOut\":true}]");
    putPreferences("pref-b2", "[{\"optedOut\":true},{\"category\":\"account\",\"channel\":\"EMAIL\",\"optedOut\":false}]");

    String marketing = send("pref-cat-1", "marketing", "pref-b1", "pref-b2");
    String account = send("pref-cat-2", "account", "pref-b1", "pref-b2");
    String none = send("pref-cat-3", null, "pref-b1", "pref-b2");

    assertThat(outcomes(marketing)).containsExactly("pref-b1 SKIPPED opted-out:category=marketing",
        "pref-b2 SKIPPED opted-out:all");
    assertThat(outcomes(account)).containsExactly("pref-b1 SENT null", "pref-b2 SENT null");
    assertThat(outcomes(none)).containsExactly("pref-b1 SENT null", "pref-b2 SKIPPED opted-out:all");
  }

  @Test
  void aCriticalCategoryPassesABlanketOptOutButNotAnOptOutNamingIt() {
    var marked = http().put().uri("/api/v1/categories/otp-it").contentType(MediaType.APPLICATION_JSON)
        .body("{\"critical\":true,\"description\":\"one-time codes\"}").retrieve().toEntity(MAP);
    assertThat(marked.getBody()).containsEntry("critical", true);
    var bySender = http(senderKey(SENDER)).put().uri("/api/v1/categories/otp-it").contentType(MediaType.APPLICATION_JSON)
        .body("{\"critical\":false}").retrieve().toEntity(MAP);
    assertThat(bySender.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    putPreferences("pref-c1", "[{\"optedOut\":true}]");
    putPreferences("pref-c2", "[{\"category\":\"otp-it\",\"channel\":\"EMAIL\",\"optedOut\":true}]");

    String id = send("pref-otp-1", "otp-it", "pref-c1", "pref-c2");

    assertThat(outcomes(id)).containsExactly("pref-c1 SENT null", "pref-c2 SKIPPED opted-out:category=otp-it,channel=email");
  }

  @Test
  void aRecipientTokenReadsAndWritesItsOwnPreferencesOnly() {
    String token = recipientTokenOf("pref-d1");

    var written = http(token).put().uri("/api/v1/recipients/pref-d1/preferences").contentType(MediaType.APPLICATION_JSON)
        .body("{\"rules\":[{\"category\":\"marketing\",\"channel\":\"SMS\",\"optedOut\":true}]}").retrieve().toEntity(MAP);
    var another = http(token).get().uri("/api/v1/recipients/pref-d2/preferences").retrieve().toEntity(MAP);

    assertThat(written.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(written.getBody()).containsEntry("owner", SENDER).containsEntry("recipientId", "pref-d1");
    assertThat(rules(written.getBody())).singleElement().satisfies(rule -> assertThat(rule)
        .containsEntry("category", "marketing").containsEntry("channel", "SMS").containsEntry("optedOut", true)
        .containsEntry("source", "recipient"));
    assertThat(another.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    var readBySender = http(senderKey(SENDER)).get().uri("/api/v1/recipients/pref-d1/preferences").retrieve().toEntity(MAP);
    assertThat(rules(readBySender.getBody())).hasSize(1);
    var otherSender = http(senderKey("pref-other")).get().uri("/api/v1/recipients/pref-d1/preferences").retrieve()
        .toEntity(MAP);
    assertThat(rules(otherSender.getBody())).isEmpty();
  }

  @Test
  void badRulesAreRefusedNamingEachField() {
    var refused = putPreferences("pref-e1", "[{\"category\":\"Bad Category\",\"optedOut\":true},"
        + "{\"channel\":\"EMAIL\"},{\"channel\":\"EMAIL\",\"optedOut\":false}]");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("errors")).asString()
        .contains("rules[0].category", "rules[1].optedOut", "rules[2]");
    var badChannel = putPreferences("pref-e1", "[{\"channel\":\"FAX\",\"optedOut\":true}]");
    assertThat(badChannel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    var badQuiet = putPreferences("pref-e1", "[]", "{\"start\":\"25:00\",\"timeZone\":\"Mars/Olympus\"}");
    assertThat(badQuiet.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badQuiet.getBody().get("errors")).asString()
        .contains("quietHours.start", "quietHours.end", "quietHours.timeZone");
    var quiet = putPreferences("pref-e1", "[]", "{\"start\":\"22:00\",\"end\":\"07:30\",\"timeZone\":\"America/St_Johns\"}");
    assertThat(quiet.getBody().get("quietHours")).isEqualTo(
        Map.of("start", "22:00:00", "end", "07:30:00", "timeZone", "America/St_Johns"));
  }

  @Test
  void aSuppressedAddressIsSkippedForItsSenderUntilLifted() {
    String key = senderKey(SENDER);
    var added = http(key).post().uri("/api/v1/suppressions").contentType(MediaType.APPLICATION_JSON)
        .body("{\"channel\":\"EMAIL\",\"address\":\"Raw-Pref@Example.com\",\"reason\":\"asked by phone\"}")
        .retrieve().toEntity(MAP);
    var again = http(key).post().uri("/api/v1/suppressions").contentType(MediaType.APPLICATION_JSON)
        .body("{\"channel\":\"EMAIL\",\"address\":\"raw-pref@example.com\"}").retrieve().toEntity(MAP);
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(added.getBody()).containsEntry("address", "raw-pref@example.com").containsEntry("owner", SENDER)
        .containsEntry("source", "asked by phone");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);

    String suppressed = sendRaw(key, "pref-raw-1", "raw-pref@example.com");
    String byAnother = sendRaw(senderKey("pref-other"), "pref-raw-2", "raw-pref@example.com");
    var lifted = http(key).delete().uri("/api/v1/suppressions/EMAIL/raw-pref@example.com").retrieve().toBodilessEntity();
    String afterwards = sendRaw(key, "pref-raw-3", "raw-pref@example.com");

    assertThat(deliveries(suppressed)).singleElement().satisfies(d -> assertThat(d)
        .containsEntry("status", "SKIPPED").containsEntry("errorCode", "opted-out:address"));
    assertThat(deliveries(byAnother)).singleElement().satisfies(d -> assertThat(d).containsEntry("status", "SENT"));
    assertThat(lifted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(deliveries(afterwards)).singleElement().satisfies(d -> assertThat(d).containsEntry("status", "SENT"));
    var bad = http(key).post().uri("/api/v1/suppressions").contentType(MediaType.APPLICATION_JSON)
        .body("{\"channel\":\"PUSH\",\"address\":\"token\"}").retrieve().toEntity(MAP);
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aTemplateVersionsCategoryAppliesAndARequestNamingAnotherIsRefused() {
    String key = senderKey(SENDER);
    http(key).post().uri("/api/v1/templates").contentType(MediaType.APPLICATION_JSON)
        .body("{\"key\":\"pref-newsletter\"}").retrieve().toBodilessEntity();
    http(key).post().uri("/api/v1/templates/pref-newsletter/versions").contentType(MediaType.APPLICATION_JSON)
        .body("{\"defaults\":{\"email\":{\"subject\":\"News\",\"text\":\"Hello {{recipient.id}}\"}},"
            + "\"settings\":{\"category\":\"newsletter\"}}").retrieve().toBodilessEntity();
    http(key).post().uri("/api/v1/templates/pref-newsletter/versions/1/publish").retrieve().toBodilessEntity();
    putPreferences("pref-f1", "[{\"category\":\"newsletter\",\"optedOut\":true}]");
    String recipients = "[{\"id\":\"pref-f1\",\"email\":\"pref-f1@example.com\"},{\"id\":\"pref-f2\",\"email\":\"pref-f2@example.com\"}]";

    var accepted = http(key).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body("{\"idempotencyKey\":\"pref-tpl-1\",\"channels\":[\"EMAIL\"],\"template\":\"pref-newsletter\","
            + "\"recipients\":" + recipients + "}").retrieve().toEntity(MAP);
    var conflicting = http(key).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body("{\"idempotencyKey\":\"pref-tpl-2\",\"channels\":[\"EMAIL\"],\"template\":\"pref-newsletter\","
            + "\"category\":\"account\",\"recipients\":" + recipients + "}").retrieve().toEntity(MAP);

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = NotificationIds.of(SENDER, "pref-tpl-1");
    awaitFinal(id);
    assertThat(notification(id)).containsEntry("category", "newsletter");
    assertThat(outcomes(id)).containsExactly("pref-f1 SKIPPED opted-out:category=newsletter", "pref-f2 SENT null");
    assertThat(conflicting.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(conflicting.getBody().get("errors")).asString().contains("category");
  }

  @Test
  void aRecipientInItsQuietHoursWaitsScheduledUntilTheyEndAndACriticalSendPassesThem() {
    LocalTime now = LocalTime.now(ZoneOffset.UTC).withNano(0);
    putPreferences("pref-q1", "[]", quietHours(now.minusHours(1), now.plusSeconds(5)));
    putPreferences("pref-q2", "[]", quietHours(now.minusHours(1), now.plusHours(2)));
    http().put().uri("/api/v1/categories/otp-quiet").contentType(MediaType.APPLICATION_JSON)
        .body("{\"critical\":true}").retrieve().toBodilessEntity();

    String critical = send("pref-quiet-otp", "otp-quiet", "pref-q2");
    String held = NotificationIds.of(SENDER, "pref-quiet-1");
    http(senderKey(SENDER)).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body("{\"idempotencyKey\":\"pref-quiet-1\",\"channels\":[\"EMAIL\"],\"subject\":\"Later\",\"body\":\"b\","
            + "\"recipients\":[{\"id\":\"pref-q1\",\"email\":\"pref-q1@example.com\"}]}").retrieve().toBodilessEntity();

    assertThat(outcomes(critical)).containsExactly("pref-q2 SENT null");
    await().atMost(DELIVERY_WAIT).until(() -> "SCHEDULED".equals(notification(held).get("status")));
    assertThat((String) notification(held).get("statusDetail")).startsWith("quiet hours: 1 delivery waits until ");
    assertThat(deliveries(held)).singleElement().satisfies(d -> assertThat(d)
        .containsEntry("status", "PENDING").containsEntry("errorCode", "quiet-hours"));
    assertThat(mailsTo("pref-q1@example.com")).isEmpty();
    awaitFinal(held);
    assertThat(outcomes(held)).containsExactly("pref-q1 SENT null");
    assertThat(mailsTo("pref-q1@example.com")).hasSize(1);
  }

  // --- helpers

  private ResponseEntity<Map<String, Object>> putPreferences(String recipientId, String rules) {
    return putPreferences(recipientId, rules, null);
  }

  private ResponseEntity<Map<String, Object>> putPreferences(String recipientId, String rules, String quietHours) {
    return http(senderKey(SENDER)).put().uri("/api/v1/recipients/{id}/preferences", recipientId)
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"rules\":" + rules + (quietHours == null ? "" : ",\"quietHours\":" + quietHours) + "}")
        .retrieve().toEntity(MAP);
  }

  private static String quietHours(LocalTime start, LocalTime end) {
    return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"timeZone\":\"UTC\"}";
  }

  /** Sends an email of {@code category} to recipients {@code <id>@example.com} and waits for its end. */
  private String send(String key, String category, String... recipientIds) {
    String to = String.join(",", java.util.Arrays.stream(recipientIds)
        .map(r -> "{\"id\":\"" + r + "\",\"email\":\"" + r + "@example.com\"}").toList());
    String body = "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"EMAIL\"],\"recipients\":[" + to + "],"
        + (category == null ? "" : "\"category\":\"" + category + "\",")
        + "\"subject\":\"Hello\",\"body\":\"Hello from Herald\"}";
    var accepted = http(senderKey(SENDER)).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body(body).retrieve().toEntity(MAP);
    assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
    String id = NotificationIds.of(SENDER, key);
    awaitFinal(id);
    return id;
  }

  private String sendRaw(String senderKey, String key, String address) {
    var accepted = http(senderKey).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body(emailRequest(key, "Hello", address)).retrieve().toEntity(MAP);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = (String) accepted.getBody().get("id");
    awaitFinal(id);
    return id;
  }

  private void awaitFinal(String id) {
    await().atMost(DELIVERY_WAIT).until(() -> List.of("COMPLETED", "FAILED", "PARTIALLY_FAILED")
        .contains(notification(id).get("status")));
  }

  private Map<String, Object> notification(String id) {
    return http().get().uri("/api/v1/notifications/{id}", id).retrieve().toEntity(MAP).getBody();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> deliveries(String id) {
    return (List<Map<String, Object>>) notification(id).get("deliveries");
  }

  /** "recipient-id STATUS errorCode" per delivery, by recipient. */
  private List<String> outcomes(String id) {
    return deliveries(id).stream()
        .map(d -> ((String) d.get("recipient")).replace("@example.com", "") + " " + d.get("status") + " "
            + d.get("errorCode"))
        .sorted().toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rules(Map<String, Object> preferences) {
    return (List<Map<String, Object>>) preferences.get("rules");
  }

  private String recipientTokenOf(String recipientId) {
    var minted = http(senderKey(SENDER)).post().uri("/api/v1/recipients/{id}/token", recipientId).retrieve()
        .toEntity(MAP);
    return (String) minted.getBody().get("token");
  }
}
