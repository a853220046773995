package dev.herald.api.console.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import dev.herald.workflows.notification.NotificationIds;
import jakarta.mail.MessagingException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * The console's Send page over HTTP: a templated send to a group reaching the SMTP sink, one send per
 * form (its idempotency key), the API's own validation beside the fields, the approval warning before
 * sending, the template's preview with the variables typed, a send time in the sender's zone.
 */
class SendPageIT extends HeraldIntegrationTest {

  private static final String SENDER = "send-page";
  private static final String OTHER = "send-page-other";
  private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

  @Test
  void aSenderSendsATemplatedEmailToASmallGroupAndTheMailArrives() throws MessagingException {
    String key = senderKey(SENDER);
    template(key, "send-it-shipped");
    recipient(key, "send-ok-1", "send-ok-1@example.com");
    recipient(key, "send-ok-2", "send-ok-2@example.com");
    group(key, "send-ok-team", "send-ok-1", "send-ok-2");
    ConsoleClient browser = signedIn(key);

    HttpResponse<String> page = browser.get("/console/send");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("send-it-shipped").contains("send-ok-team – 2 members").contains("Idempotency key");
    String idempotencyKey = keyOf(page);
    HttpResponse<String> sent = browser.post("/console/send", form(idempotencyKey, Map.of("template", "send-it-shipped",
        "variables[0].name", "name", "variables[0].value", "지민", "variables[1].name", "order.id",
        "variables[1].value", "A-17", "group", "send-ok-team")));

    assertThat(sent.statusCode()).isEqualTo(302);
    String id = NotificationIds.of(SENDER, idempotencyKey);
    assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
        .endsWith("/console/notifications/" + id));
    await().atMost(DELIVERY_WAIT).until(() -> mailsTo("send-ok-1@example.com").size() == 1
        && mailsTo("send-ok-2@example.com").size() == 1);
    assertThat(mailsTo("send-ok-1@example.com").get(0).getSubject()).isEqualTo("Shipped for 지민");
  }

  @Test
  void theSameFormPostedTwiceSendsOnce() {
    ConsoleClient browser = signedIn(senderKey(SENDER));
    String idempotencyKey = keyOf(browser.get("/console/send"));
    Map<String, String> fields = form(idempotencyKey, Map.of("subject", "Once", "body", "Only once",
        "emails", "send-once@example.com"));

    HttpResponse<String> first = browser.post("/console/send", fields);
    browser.get("/console/send"); // the browser that sends the form again has a page of the console open
    HttpResponse<String> again = browser.post("/console/send", fields);

    String id = NotificationIds.of(SENDER, idempotencyKey);
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
    awaitStatus(id, "COMPLETED");
    assertThat(mailsTo("send-once@example.com")).hasSize(1);
  }

  @Test
  void anInvalidAddressIsShownBesideItsBoxAndNothingIsSent() {
    ConsoleClient browser = signedIn(senderKey(SENDER));
    String idempotencyKey = keyOf(browser.get("/console/send"));

    HttpResponse<String> refused = browser.post("/console/send", form(idempotencyKey, Map.of("subject", "Bad",
        "body", "Never sent", "emails", "send-bad@example.com\nnot an address")));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"emails-error\"").contains("not an address: ")
        .contains("aria-describedby=\"emails-error\"").contains("Nothing was sent")
        .contains("send-bad@example.com\nnot an address").contains(idempotencyKey);
    assertThat(get("/api/v1/notifications/" + NotificationIds.of(SENDER, idempotencyKey)).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aSubjectAndBodySentWithACategoryCarryIt() {
    ConsoleClient browser = signedIn(senderKey(SENDER));
    String page = browser.get("/console/send").body();
    assertThat(page).contains("<label for=\"category\">Category (optional)</label>");
    String idempotencyKey = keyOf(browser.get("/console/send"));

    HttpResponse<String> sent = browser.post("/console/send", form(idempotencyKey, Map.of("subject", "Spring sale",
        "body", "20% off", "category", "marketing", "emails", "send-category@example.com")));

    assertThat(sent.statusCode()).isEqualTo(302);
    String id = NotificationIds.of(SENDER, idempotencyKey);
    awaitStatus(id, "COMPLETED");
    assertThat(get("/api/v1/notifications/" + id).getBody()).containsEntry("category", "marketing");
  }

  @Test
  void aCategoryOutsideTheNameRuleIsShownBesideItsFieldAndNothingIsSent() {
    ConsoleClient browser = signedIn(senderKey(SENDER));
    String idempotencyKey = keyOf(browser.get("/console/send"));

    HttpResponse<String> refused = browser.post("/console/send", form(idempotencyKey, Map.of("subject", "Sale",
        "body", "Never sent", "category", "Big Sale", "emails", "send-bad-category@example.com")));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"category-error\"", "must be 1-64 characters of a-z", "value=\"Big Sale\"")
        .containsPattern("id=\"category\"[^>]*aria-invalid=\"true\"");
    assertThat(get("/api/v1/notifications/" + NotificationIds.of(SENDER, idempotencyKey)).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void noRecipientsIsShownOnTheRecipientsAndNothingIsSent() {
    ConsoleClient browser = signedIn(senderKey(SENDER));
    String idempotencyKey = keyOf(browser.get("/console/send"));

    HttpResponse<String> refused = browser.post("/console/send", form(idempotencyKey, Map.of("subject", "Nobody",
        "body", "To no one")));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"recipients-error\"").contains("at least one recipient is required")
        .contains("To no one");
    assertThat(get("/api/v1/notifications/" + NotificationIds.of(SENDER, idempotencyKey)).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void theApprovalWarningShowsForAGroupAboveTheThresholdBeforeSending() {
    String key = senderKey(SENDER);
    for (String id : List.of("send-big-1", "send-big-2", "send-big-3")) {
      recipient(key, id, id + "@example.com");
    }
    group(key, "send-big", "send-big-1", "send-big-2", "send-big-3");
    group(key, "send-small", "send-big-1", "send-big-2");
    ConsoleClient browser = signedIn(key);

    HttpResponse<String> big = browser.get("/console/send?group=send-big");
    HttpResponse<String> small = browser.get("/console/send?group=send-small");
    HttpResponse<String> live = browser.post("/console/send/preview", form(keyOf(small), Map.of("group", "send-big")));

    assertThat(big.body()).contains("id=\"approval-warning\"").contains("audience of 3 is above the approval threshold of 2")
        .contains("send-big – 3 members, needs approval");
    assertThat(small.body()).doesNotContain("id=\"approval-warning\"");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("id=\"approval-warning\"").doesNotContain("<html");
  }

  @Test
  void thePreviewRendersTheTemplateWithTheVariablesGivenAndNamesTheMissingOnes() {
    String key = senderKey(SENDER);
    template(key, "send-it-preview");
    ConsoleClient browser = signedIn(key);
    String idempotencyKey = keyOf(browser.get("/console/send"));
    Map<String, String> typed = form(idempotencyKey, Map.of("template", "send-it-preview",
        "variables[0].name", "name", "variables[0].value", "<b>Ada</b>"));

    HttpResponse<String> live = browser.post("/console/send/preview", typed);
    Map<String, String> previewButton = new LinkedHashMap<>(typed);
    previewButton.put("action", "preview");
    browser.get("/console/send"); // a browser without scripts previews from the page it has
    HttpResponse<String> page = browser.post("/console/send", previewButton);

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("Shipped for &lt;b&gt;Ada&lt;/b&gt;").contains("data-variable=\"order.id\"")
        .contains("<iframe sandbox=\"\" src=\"/console/templates/").contains("/preview/email?locale=")
        .doesNotContain("<b>Ada</b>").doesNotContain("<p>Order");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Shipped for &lt;b&gt;Ada&lt;/b&gt;").contains("data-variable=\"order.id\"")
        .contains("name=\"variables[1].name\" value=\"order.id\"");
    assertThat(get("/api/v1/notifications/" + NotificationIds.of(SENDER, idempotencyKey)).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aTemplateMustacheCannotRenderIsNamedInThePreviewAndThePageStays() {
    String key = senderKey(SENDER);
    template(key, "send-it-dots", "{\"subject\":\"Hi {{name}}\",\"text\":\"{{#name}}Welcome back, {{..}}{{/name}}\"}");
    ConsoleClient browser = signedIn(key);

    HttpResponse<String> page = browser.get("/console/send?template=send-it-dots");
    Map<String, String> typed = form(keyOf(page), Map.of("template", "send-it-dots",
        "variables[0].name", "name", "variables[0].value", "Ada"));
    HttpResponse<String> live = browser.post("/console/send/preview", typed);
    Map<String, String> previewButton = new LinkedHashMap<>(typed);
    previewButton.put("action", "preview");
    HttpResponse<String> previewed = browser.post("/console/send", previewButton);

    for (HttpResponse<String> answer : List.of(page, live, previewed)) {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("id=\"preview-problem\"", "email.text: Mustache cannot render it");
    }
    assertThat(previewed.body()).contains("name=\"variables[0].value\" value=\"Ada\"");
  }

  @Test
  void aMissingVariableWrittenAfterADotIsNamedAsWrittenInThePreview() {
    String key = senderKey(SENDER);
    template(key, "send-it-dotted", "{\"subject\":\"{{#tags}}{{.}} {{/tags}}for {{.name}}\",\"text\":\"Hi\"}");
    ConsoleClient browser = signedIn(key);

    HttpResponse<String> page = browser.get("/console/send?template=send-it-dotted");
    HttpResponse<String> live = browser.post("/console/send/preview", form(keyOf(page),
        Map.of("template", "send-it-dotted")));

    for (HttpResponse<String> answer : List.of(page, live)) {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("data-variable=\".name\"", "for {{.name}}");
    }
  }

  @Test
  void anotherSendersTemplateIsNeitherOfferedNorPreviewed() {
    template(senderKey(OTHER), "send-it-others");
    ConsoleClient browser = signedIn(senderKey(SENDER));

    HttpResponse<String> page = browser.get("/console/send");
    HttpResponse<String> live = browser.post("/console/send/preview", form(keyOf(page),
        Map.of("template", "send-it-others")));

    assertThat(page.body()).doesNotContain("send-it-others");
    assertThat(live.body()).contains("no template &#39;send-it-others&#39;").doesNotContain("Shipped for");
  }

  @Test
  void aSendTimeTypedInTheSendersZoneBecomesThatInstant() {
    ConsoleClient browser = signedIn(senderKey(SENDER));
    String idempotencyKey = keyOf(browser.get("/console/send"));
    ZoneId seoul = ZoneId.of("Asia/Seoul");
    LocalDateTime local = LocalDateTime.now(seoul).plusDays(10).truncatedTo(ChronoUnit.MINUTES);

    HttpResponse<String> sent = browser.post("/console/send", form(idempotencyKey, Map.of("subject", "Later",
        "body", "Ten days on", "emails", "send-later@example.com", "sendAt", local.toString(), "timeZone", "Asia/Seoul")));

    assertThat(sent.statusCode()).isEqualTo(302);
    String path = "/api/v1/notifications/" + NotificationIds.of(SENDER, idempotencyKey);
    await().atMost(DELIVERY_WAIT).until(() -> get(path).getBody().get("sendAt") != null);
    assertThat(Instant.parse((String) get(path).getBody().get("sendAt"))).isEqualTo(local.atZone(seoul).toInstant());
  }

  @Test
  void anAdminSendsForASenderToThatSendersGroup() {
    String key = senderKey(OTHER);
    recipient(key, "send-for-1", "send-for-1@example.com");
    group(key, "send-for-team", "send-for-1");
    ConsoleClient browser = signedIn(ADMIN_KEY);
    String idempotencyKey = keyOf(browser.get("/console/send"));

    HttpResponse<String> sent = browser.post("/console/send", form(idempotencyKey, Map.of("sender", OTHER,
        "subject", "For you", "body", "From the admin", "group", "send-for-team")));

    assertThat(sent.statusCode()).isEqualTo(302);
    await().atMost(DELIVERY_WAIT).until(() -> mailsTo("send-for-1@example.com").size() == 1);
    assertThat(get("/api/v1/notifications/" + NotificationIds.of(OTHER, idempotencyKey)).getBody())
        .containsEntry("sender", OTHER);
  }

  @Test
  void aBrowserNotSignedInIsSentToSignIn() {
    ConsoleClient browser = new ConsoleClient(port);

    HttpResponse<String> page = browser.get("/console/send");

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l ->
        assertThat(l).endsWith("/console/sign-in?next=%2Fconsole%2Fsend"));
  }

  @Test
  void anEscalationSendsItsChannelsInOrderAfterTheWaitTypedAndABadWaitIsShownBesideItsField() {
    ConsoleClient browser = signedIn(senderKey(SENDER));
    String idempotencyKey = keyOf(browser.get("/console/send"));
    String fields = "idempotencyKey=" + idempotencyKey + "&channels=EMAIL&channels=IN_APP&channelMode=ESCALATE"
        + "&priority=HIGH&action=send&subject=Down&body=web-1&ids=send-esc-1&emails=send-esc-1%40example.com";

    HttpResponse<String> refused = browser.postBody("/console/send", "application/x-www-form-urlencoded",
        (fields + "&escalateAfter=soon").getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"escalateAfter-error\"", "is not a wait such as 30m");

    HttpResponse<String> sent = browser.postBody("/console/send", "application/x-www-form-urlencoded",
        (fields + "&escalateAfter=2s").getBytes(StandardCharsets.UTF_8));
    assertThat(sent.statusCode()).isEqualTo(302);
    String id = NotificationIds.of(SENDER, idempotencyKey);
    awaitStatus(id, "COMPLETED");
    @SuppressWarnings("unchecked")
    var deliveries = (List<Map<String, Object>>) get("/api/v1/notifications/" + id).getBody().get("deliveries");
    assertThat(deliveries).extracting(d -> d.get("channel") + " " + d.get("status"))
        .containsExactlyInAnyOrder("EMAIL SENT", "IN_APP SENT");
  }

  private ConsoleClient signedIn(String key) {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(browser.signIn(key).statusCode()).isEqualTo(302);
    return browser;
  }

  private static String keyOf(HttpResponse<String> page) {
    Matcher key = KEY.matcher(page.body());
    assertThat(key.find()).as("the form's idempotency key").isTrue();
    return key.group(1);
  }

  /** The form as a browser posts it after Send: email, all channels, normal priority, and what is given. */
  private static Map<String, String> form(String idempotencyKey, Map<String, String> given) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("idempotencyKey", idempotencyKey);
    fields.put("channels", "EMAIL");
    fields.put("channelMode", "ALL");
    fields.put("priority", "NORMAL");
    fields.put("action", "send");
    fields.putAll(given);
    return fields;
  }

  private void template(String key, String template) {
    template(key, template, "{\"subject\":\"Shipped for {{name}}\",\"html\":\"<p>Order {{order.id}} for {{name}}</p>\","
        + "\"text\":\"Order {{order.id}} for {{name}}\"}");
  }

  /** A published template of one email part, given as JSON. */
  private void template(String key, String template, String email) {
    json(key, "/api/v1/templates", "{\"key\":\"" + template + "\"}");
    json(key, "/api/v1/templates/" + template + "/versions", "{\"defaults\":{\"email\":" + email + "}}");
    json(key, "/api/v1/templates/" + template + "/versions/1/publish", "");
  }

  private void recipient(String key, String id, String email) {
    http(key).put().uri("/api/v1/recipients/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"" + email + "\"}").retrieve().toBodilessEntity();
  }

  private void group(String key, String group, String... members) {
    json(key, "/api/v1/groups", "{\"key\":\"" + group + "\",\"name\":\"" + group + "\"}");
    json(key, "/api/v1/groups/" + group + "/members", "{\"recipientIds\":[\"" + String.join("\",\"", members) + "\"]}");
  }

  private void json(String key, String path, String body) {
    var answer = http(key).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer).isTrue();
  }
}
