package dev.herald.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.workflows.notification.NotificationIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * The console in a real browser (headless Chromium through playwright-core, scenarios in
 * src/test/resources/console/scenarios): what a person signing in sees and can do. Screenshots of
 * every page are kept in target/console-screenshots.
 */
class ConsoleBrowserIT extends HeraldIntegrationTest {

  @Test
  void everyPageFitsAPhoneAndADesktopWithoutErrorsOrAccessibilityViolations() throws Exception {
    recipients("browser-pages-1");
    group("browser-pages", "서울 고객", "browser-pages-1");
    post("/api/v1/notifications", emailRequest("browser-pages", "안녕하세요, welcome", "browser-pages@example.com"));
    String notification = notificationId("browser-pages");
    awaitStatus(notification, "COMPLETED");

    Map<String, Object> seen = new ConsoleBrowser(port).run("pages", Map.of("adminKey", ADMIN_KEY,
        "pages", List.of(Map.of("path", "/console/notifications/" + notification, "name", "notification"),
            Map.of("path", "/console/groups/browser-pages", "name", "group"),
            Map.of("path", "/console/recipients/edit?id=browser-pages-1", "name", "recipient")),
        "korean", Map.of("path", "/console/groups/browser-pages", "text", "서울 고객")));

    assertThat(seen.get("menu")).asList().contains("Overview", "Send", "Notifications", "Approvals", "Dead letters", "Templates", "Recipients",
        "Groups", "Categories", "API keys", "Dev tools");
    assertThat(seen.get("checked")).asList().contains("sign-in", "notification", "group", "recipient");
  }

  @Test
  void anAdminLandsOnTheOverviewWhichShowsASendMadeWhileItIsOpenWithoutAReload() throws Exception {
    String address = "browser-overview@example.com";
    Map<String, Object> seen = new ConsoleBrowser(port).run("overview", Map.of("adminKey", ADMIN_KEY,
        "key", "browser-overview", "address", address));

    assertThat(((Number) seen.get("after")).longValue()).isGreaterThan(((Number) seen.get("before")).longValue());
    await().atMost(DELIVERY_WAIT).until(() -> mailsTo(address).size() == 1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAdminRedrivesADeadLetterFromItsPageAndItIsDeliveredOnce() throws Exception {
    post("/api/v1/dev/simulators/smtp/faults", "{\"errorCode\":\"550\",\"rate\":1.0}");
    try {
      post("/api/v1/notifications", emailRequest("browser-dead", "Once more", "browser-dead@example.com"));
      awaitStatus(notificationId("browser-dead"), "FAILED");
    } finally {
      http().delete().uri("/api/v1/dev/simulators/smtp/faults").retrieve().toBodilessEntity();
    }
    var letters = (List<Map<String, Object>>) get("/api/v1/dead-letters?sender=" + ADMIN_SENDER + "&errorCode=smtp-550"
        + "&status=OPEN").getBody().get("items");
    Object id = letters.stream().filter(l -> notificationId("browser-dead").equals(l.get("notificationId")))
        .findFirst().orElseThrow().get("id");

    Map<String, Object> seen = new ConsoleBrowser(port).run("dead-letter", Map.of("adminKey", ADMIN_KEY, "id", id));

    assertThat((String) seen.get("outcome")).isIn("SENT", "DELIVERED");
    assertThat(mailsTo("browser-dead@example.com")).hasSize(1);
    awaitStatus(notificationId("browser-dead"), "COMPLETED");
  }

  @Test
  void aBroadcastOneAdminSendsAnotherApprovesAndItsProgressBarFillsWithoutAReload() throws Exception {
    List<String> members = List.of("browser-big-1", "browser-big-2", "browser-big-3");
    recipients(members.toArray(String[]::new));
    group("browser-big", "Everyone", members.toArray(String[]::new));

    Map<String, Object> seen = new ConsoleBrowser(port).run("approval", Map.of("requesterKey", ADMIN_KEY,
        "approverKey", approverKey(), "group", "browser-big", "subject", "Launch 출시"));

    assertThat((String) seen.get("progress")).startsWith("100%");
    for (String member : members) {
      await().atMost(DELIVERY_WAIT).until(() -> mailsTo(member + "@example.com").size() == 1);
    }
  }

  @Test
  void aWrongValueIsShownBesideItsFieldAndNothingIsSent() throws Exception {
    String sender = "browser-refused";
    Map<String, Object> seen = new ConsoleBrowser(port).run("bad-form", Map.of("senderKey", senderKey(sender)));

    assertThat((String) seen.get("error")).isNotBlank();
    String id = NotificationIds.of(sender, (String) seen.get("key"));
    assertThat(http().get().uri("/api/v1/notifications/{id}", id).retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aDoubleClickAndAResentFormSendOnce() throws Exception {
    String address = "browser-once@example.com";
    Map<String, Object> seen = new ConsoleBrowser(port).run("double-submit", Map.of("senderKey",
        senderKey("browser-once"), "address", address));

    String id = NotificationIds.of("browser-once", (String) seen.get("key"));
    assertThat((String) seen.get("first")).endsWith(id);
    assertThat((String) seen.get("again")).endsWith(id);
    awaitStatus(id, "COMPLETED");
    assertThat(mailsTo(address)).hasSize(1);
  }

  @Test
  void aRecipientOptedOutOfEmailOnItsPageIsSkippedOnTheNextEmail() throws Exception {
    String key = senderKey("browser-opt-out");
    http(key).put().uri("/api/v1/recipients/{id}", "browser-opt-out-1").contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"browser-opt-out-1@example.com\"}").retrieve().toBodilessEntity();

    Map<String, Object> seen = new ConsoleBrowser(port).run("opt-out", Map.of("senderKey", key,
        "recipient", "browser-opt-out-1", "subject", "Not for 지민"));

    String url = (String) seen.get("url");
    Map<String, Object> notification = get(url.substring(url.indexOf("/console/notifications/"))
        .replace("/console/", "/api/v1/")).getBody();
    assertThat(notification).containsEntry("status", "COMPLETED");
    assertThat((List<Map<String, Object>>) notification.get("deliveries")).singleElement().satisfies(d -> {
      assertThat(d).containsEntry("status", "SKIPPED").containsEntry("errorCode", "opted-out:channel=email");
    });
    assertThat(mailsTo("browser-opt-out-1@example.com")).isEmpty();
  }

  private void recipients(String... ids) {
    for (String id : ids) {
      http().put().uri("/api/v1/recipients/{id}", id).contentType(MediaType.APPLICATION_JSON)
          .body("{\"email\":\"" + id + "@example.com\",\"name\":\"" + id + "\"}").retrieve().toBodilessEntity();
    }
  }

  private void group(String key, String name, String... members) {
    json("/api/v1/groups", "{\"key\":\"" + key + "\",\"name\":\"" + name + "\"}");
    json("/api/v1/groups/" + key + "/members", "{\"recipientIds\":[\"" + String.join("\",\"", members) + "\"]}");
  }

  private void json(String path, String body) {
    var answer = http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer).isTrue();
  }
}
