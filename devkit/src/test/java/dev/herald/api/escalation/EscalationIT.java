package dev.herald.api.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.devkit.simulator.twilio.TwilioIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * ESCALATE through the API, with the real inbox and the Twilio simulator's receipts: a read in-app item
 * stops the escalation, an unread one lets the next channel go after its wait, an SMS delivery receipt
 * stops it too, and the door's rules.
 */
class EscalationIT extends TwilioIntegrationTest {

  @Test
  void anInAppItemReadWithinTheWaitStopsTheEmail() {
    post("/api/v1/notifications", escalation("esc-read", "esc-reader", "[\"IN_APP\",\"EMAIL\"]", "[\"PT20S\"]"));
    String id = notificationId("esc-read");
    await().atMost(DELIVERY_WAIT).until(() -> !items("esc-reader").isEmpty());
    long item = ((Number) items("esc-reader").get(0).get("id")).longValue();

    post("/api/v1/inbox/" + item + "/read?recipientId=esc-reader", "");

    awaitStatus(id, "COMPLETED");
    assertThat(delivery(id, "EMAIL")).containsEntry("status", "SKIPPED")
        .containsEntry("lastError", "escalation not needed: acknowledged on IN_APP");
    assertThat(mailsTo("esc-reader@example.com")).isEmpty();
  }

  @Test
  void anUnreadItemLetsTheEmailGoAfterTheWait() {
    post("/api/v1/notifications", escalation("esc-unread", "esc-sleeper", "[\"IN_APP\",\"EMAIL\"]", "[\"PT2S\"]"));
    String id = notificationId("esc-unread");

    awaitStatus(id, "COMPLETED");

    assertThat(delivery(id, "IN_APP")).containsEntry("status", "SENT");
    assertThat(delivery(id, "EMAIL")).containsEntry("status", "SENT");
    assertThat(mailsTo("esc-sleeper@example.com")).hasSize(1);
  }

  @Test
  void anSmsDeliveryReceiptStopsTheEscalation() {
    post("/api/v1/notifications", escalation("esc-sms", "esc-texted", "[\"SMS\",\"EMAIL\"]", "[\"PT20S\"]"));
    String id = notificationId("esc-sms");

    awaitStatus(id, "COMPLETED");

    assertThat(delivery(id, "SMS")).containsEntry("status", "DELIVERED");
    assertThat(delivery(id, "EMAIL")).containsEntry("status", "SKIPPED")
        .containsEntry("lastError", "escalation not needed: acknowledged on SMS");
  }

  @Test
  void theDoorRefusesAnEscalationWithoutItsWaitsOrToAGroup() {
    var noWaits = post("/api/v1/notifications", escalation("esc-bad-1", "esc-x", "[\"IN_APP\",\"EMAIL\"]", null));
    var tooMany = post("/api/v1/notifications", escalation("esc-bad-2", "esc-x", "[\"IN_APP\",\"EMAIL\"]",
        "[\"PT1M\",\"PT2M\"]"));
    var notEscalating = post("/api/v1/notifications", "{\"idempotencyKey\":\"esc-bad-3\",\"channels\":[\"EMAIL\"],"
        + "\"escalateAfter\":[\"PT1M\"],\"subject\":\"s\",\"body\":\"b\",\"recipients\":[{\"email\":\"a@example.com\"}]}");
    var toAGroup = post("/api/v1/notifications", "{\"idempotencyKey\":\"esc-bad-4\",\"channels\":[\"IN_APP\",\"EMAIL\"],"
        + "\"channelMode\":\"ESCALATE\",\"escalateAfter\":[\"PT1M\"],\"subject\":\"s\",\"body\":\"b\",\"group\":\"nobody\"}");

    for (var refused : List.of(noWaits, tooMany, notEscalating, toAGroup)) {
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
    assertThat(noWaits.getBody().get("errors")).asString().contains("escalateAfter");
    assertThat(notEscalating.getBody().get("errors")).asString().contains("escalateAfter");
    assertThat(toAGroup.getBody().get("errors")).asString().contains("channelMode");
  }

  private static String escalation(String key, String recipient, String channels, String waits) {
    return "{\"idempotencyKey\":\"" + key + "\",\"channels\":" + channels + ",\"channelMode\":\"ESCALATE\","
        + (waits == null ? "" : "\"escalateAfter\":" + waits + ",")
        + "\"subject\":\"Server down\",\"body\":\"web-1 stopped answering\",\"recipients\":[{\"id\":\"" + recipient
        + "\",\"email\":\"" + recipient + "@example.com\",\"phone\":\"+14155550142\"}]}";
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> items(String recipientId) {
    return (List<Map<String, Object>>) get("/api/v1/inbox?recipientId=" + recipientId).getBody().get("items");
  }
}
