package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A notification names a template and variables; each recipient gets it in its locale, from the version fixed at acceptance. */
class TemplateNotificationIT extends HeraldIntegrationTest {

  private static final String VERSION = """
      {"defaults":{"email":{"from":"Shop <shop@it.example>","subject":"Order {{order.id}} shipped","html":"<p>Hi {{name}}</p>","text":"Hi {{name}}"},
                   "sms":{"from":"+15550001111","body":"Order {{order.id}} shipped"}},
       "locales":{"ko":{"email":{"subject":"{{name}}님, 주문 {{order.id}} 발송","html":"<p>{{name}}님</p>","text":"{{name}}님"}}}}""";

  @BeforeEach
  void publishTemplate() {
    if (get("/api/v1/templates/it-tpl-send").getStatusCode() == HttpStatus.NOT_FOUND) {
      post("/api/v1/templates", "{\"key\":\"it-tpl-send\",\"owner\":\"shop\"}");
      post("/api/v1/templates/it-tpl-send/versions", VERSION);
      post("/api/v1/templates/it-tpl-send/versions/1/publish", "");
    }
  }

  @Test
  void eachRecipientGetsTheTemplateInItsLocale() throws Exception {
    var accepted = post("/api/v1/notifications", """
        {"idempotencyKey":"tpl-1","channels":["EMAIL"],"template":"it-tpl-send",
         "variables":{"name":"Minji","order":{"id":42}},
         "recipients":[{"email":"minji@it.example","locale":"ko-KR"},{"email":"sam@it.example","locale":"en-US"}]}""");

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~tpl-1", "COMPLETED");
    MimeMessage korean = mailsTo("minji@it.example").get(0);
    MimeMessage english = mailsTo("sam@it.example").get(0);
    assertThat(korean.getSubject()).isEqualTo("Minji님, 주문 42 발송");
    assertThat(english.getSubject()).isEqualTo("Order 42 shipped");
    assertThat(english.getContentType()).startsWith("multipart/alternative");
    assertThat((Map<String, Object>) get("/api/v1/notifications/notification-admin~tpl-1").getBody().get("template"))
        .containsEntry("key", "it-tpl-send").containsEntry("version", 1);
  }

  @Test
  void theTemplatesSenderAddressAndNumberAreUsed() throws Exception {
    post("/api/v1/notifications", """
        {"idempotencyKey":"tpl-from-1","channels":["EMAIL","SMS"],"template":"it-tpl-send",
         "variables":{"name":"Ada","order":{"id":7}},
         "recipients":[{"email":"from@it.example","phone":"+14155550188"}]}""");

    awaitStatus("notification-admin~tpl-from-1", "COMPLETED");
    assertThat(mailsTo("from@it.example").get(0).getFrom()[0].toString()).isEqualTo("Shop <shop@it.example>");
    List<Map<String, Object>> sms = http().get().uri("/api/v1/dev/outbox?channel=SMS").retrieve()
        .body(new org.springframework.core.ParameterizedTypeReference<>() {});
    assertThat(sms).filteredOn(m -> ((List<String>) m.get("to")).contains("+14155550188")).singleElement()
        .satisfies(m -> assertThat(m).containsEntry("from", "+15550001111").containsEntry("body", "Order 7 shipped"));
  }

  @Test
  void missingVariableFailsTheNotificationNamingIt() {
    post("/api/v1/notifications", """
        {"idempotencyKey":"tpl-missing-1","channels":["EMAIL"],"template":"it-tpl-send",
         "variables":{"name":"Sam"},"recipients":[{"email":"missing@it.example"}]}""");

    awaitStatus("notification-admin~tpl-missing-1", "FAILED");
    var delivery = ((List<Map<String, Object>>) get("/api/v1/notifications/notification-admin~tpl-missing-1").getBody()
        .get("deliveries")).get(0);
    assertThat(delivery).containsEntry("errorCode", "template-missing-variable").containsEntry("attempts", 1);
    assertThat((String) delivery.get("lastError")).contains("order.id");
    assertThat(mailsTo("missing@it.example")).isEmpty();
  }

  @Test
  void unknownTemplateOrContentMixedWithTemplateIsABadRequest() {
    var unknown = post("/api/v1/notifications", """
        {"idempotencyKey":"tpl-unknown-1","channels":["EMAIL"],"template":"no-such-template",
         "recipients":[{"email":"x@it.example"}]}""");
    var both = post("/api/v1/notifications", """
        {"idempotencyKey":"tpl-both-1","channels":["EMAIL"],"template":"it-tpl-send","subject":"s","body":"b",
         "recipients":[{"email":"x@it.example"}]}""");

    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) unknown.getBody().get("errors")).extracting(e -> e.get("field")).contains("template");
    assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void aTemplateWithoutAPartForARequestedChannelIsABadRequest() {
    var response = post("/api/v1/notifications", """
        {"idempotencyKey":"tpl-no-push-1","channels":["EMAIL","PUSH"],"template":"it-tpl-send",
         "variables":{"name":"Ada","order":{"id":8}},"recipients":[{"id":"no-push","email":"nopush@it.example"}]}""");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors")).singleElement()
        .satisfies(e -> assertThat(e).containsEntry("field", "template")
            .hasEntrySatisfying("message", m -> assertThat((String) m).contains("no part push")));
    assertThat(get("/api/v1/notifications/notification-admin~tpl-no-push-1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
