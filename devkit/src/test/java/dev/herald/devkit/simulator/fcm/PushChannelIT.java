package dev.herald.devkit.simulator.fcm;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.springframework.http.ResponseEntity;

/**
 * Push end to end: devices registered over REST, the notification workflow, the push activity, the
 * real Firebase Admin SDK over HTTP to the in-process FCM simulator.
 */
class PushChannelIT extends HeraldIntegrationTest {

  @Autowired FcmSimulator fcm;

  @AfterEach
  void clearFaults() {
    http().delete().uri("/api/v1/dev/simulators/fcm/faults").retrieve().toBodilessEntity();
  }

  @Test
  void aRegisteredDeviceGetsThePush() {
    assertThat(register("it-push-ada", "it-ada-web-token", "WEB").getStatusCode()).isEqualTo(HttpStatus.CREATED);

    var accepted = post("/api/v1/notifications", pushRequest("push-ada-1", "{\"id\":\"it-push-ada\"}"));

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~push-ada-1", "COMPLETED");
    Map<String, Object> delivery = deliveries("notification-admin~push-ada-1").get(0);
    assertThat(delivery).containsEntry("channel", "PUSH").containsEntry("status", "SENT").containsEntry("attempts", 1)
        .containsEntry("recipient", "it-push-ada");
    assertThat((String) delivery.get("providerMessageId")).startsWith("projects/herald-dev/messages/0:");
    List<Map<String, Object>> pushes = pushesTo("it-ada-web-token");
    assertThat(pushes).singleElement().satisfies(push -> {
      assertThat(push).containsEntry("channel", "PUSH").containsEntry("from", "projects/herald-dev")
          .containsEntry("subject", "Your order").containsEntry("body", "It has shipped");
      assertThat((Map<String, String>) push.get("headers"))
          .containsEntry("data.notificationId", "notification-admin~push-ada-1")
          .containsEntry("fcm-message-name", (String) delivery.get("providerMessageId"));
    });
  }

  @Test
  void eachPlatformGetsTheNotificationsPriority() {
    for (String priority : List.of("HIGH", "NORMAL", "LOW")) {
      String key = "push-priority-" + priority.toLowerCase();
      post("/api/v1/notifications", "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"PUSH\"],\"priority\":\""
          + priority + "\",\"recipients\":[{\"id\":\"it-priority\",\"pushToken\":\"it-" + key + "\"}],"
          + "\"subject\":\"Your order\",\"body\":\"It has shipped\"}");
      awaitStatus("notification-admin~" + key, "COMPLETED");
    }

    assertThat(headersOfPushTo("it-push-priority-high")).containsEntry("android.priority", "high")
        .containsEntry("apns.apns-priority", "10").containsEntry("apns.apns-push-type", "alert")
        .containsEntry("webpush.Urgency", "high");
    assertThat(headersOfPushTo("it-push-priority-normal")).containsEntry("android.priority", "normal")
        .containsEntry("apns.apns-priority", "5").containsEntry("apns.apns-push-type", "alert")
        .containsEntry("webpush.Urgency", "normal");
    assertThat(headersOfPushTo("it-push-priority-low")).containsEntry("android.priority", "normal")
        .containsEntry("apns.apns-priority", "5").containsEntry("webpush.Urgency", "low");
  }

  @Test
  void unavailableIsRetriedUntilFcmRecoversWithOneCallPerAttempt() {
    register("it-push-una", "it-una-token", "ANDROID");
    injectFault("{\"errorCode\":\"UNAVAILABLE\",\"rate\":1.0}");

    post("/api/v1/notifications", pushRequest("push-una-1", "{\"id\":\"it-push-una\"}"));
    await().atMost(Duration.ofSeconds(15)).until(() -> fcm.callsFor("it-una-token") >= 2);
    clearFaults();

    awaitStatus("notification-admin~push-una-1", "COMPLETED");
    int calls = fcm.callsFor("it-una-token");
    Map<String, Object> delivery = deliveries("notification-admin~push-una-1").get(0);
    assertThat(calls).isGreaterThanOrEqualTo(3);
    assertThat(delivery).containsEntry("status", "SENT")
        .as("the SDK does not retry on its own: one FCM call per Temporal attempt")
        .containsEntry("attempts", calls);
    assertThat(pushesTo("it-una-token")).hasSize(1);
  }

  @Test
  void anUnregisteredOnlyDeviceFailsForGoodIsDeactivatedAndNotCalledAgain() {
    register("it-push-bob", "unregistered-it-bob", "IOS");

    post("/api/v1/notifications", pushRequest("push-bob-1", "{\"id\":\"it-push-bob\"}"));

    awaitStatus("notification-admin~push-bob-1", "FAILED");
    assertThat(deliveries("notification-admin~push-bob-1").get(0)).containsEntry("status", "FAILED")
        .containsEntry("errorCode", "fcm-UNREGISTERED").containsEntry("attempts", 1);
    assertThat(devicesOf("it-push-bob")).singleElement().satisfies(device -> assertThat(device)
        .containsEntry("active", false).containsEntry("deactivatedReason", "fcm-UNREGISTERED"));

    post("/api/v1/notifications", pushRequest("push-bob-2", "{\"id\":\"it-push-bob\"}"));

    awaitStatus("notification-admin~push-bob-2", "FAILED");
    assertThat(deliveries("notification-admin~push-bob-2").get(0)).containsEntry("errorCode", "NO_ACTIVE_DEVICE");
    assertThat(fcm.callsFor("unregistered-it-bob")).isEqualTo(1);
  }

  @Test
  void anInvalidTokenNextToAGoodOneIsDeactivatedAndTheGoodOneKeepsReceiving() {
    register("it-push-cy", "invalid-it-cy", "WEB");
    register("it-push-cy", "it-cy-phone", "ANDROID");

    post("/api/v1/notifications", pushRequest("push-cy-1", "{\"id\":\"it-push-cy\"}"));
    awaitStatus("notification-admin~push-cy-1", "COMPLETED");
    post("/api/v1/notifications", pushRequest("push-cy-2", "{\"id\":\"it-push-cy\"}"));
    awaitStatus("notification-admin~push-cy-2", "COMPLETED");

    assertThat(fcm.callsFor("invalid-it-cy")).isEqualTo(1);
    assertThat(fcm.callsFor("it-cy-phone")).isEqualTo(2);
    assertThat(pushesTo("it-cy-phone")).hasSize(2);
    assertThat(devicesOf("it-push-cy")).filteredOn(device -> device.get("token").equals("invalid-it-cy"))
        .singleElement().satisfies(device -> assertThat(device)
            .containsEntry("active", false).containsEntry("deactivatedReason", "fcm-INVALID_ARGUMENT"));
  }

  @Test
  void withoutAUsableDeviceFallbackSendsTheEmail() {
    String request = "{\"idempotencyKey\":\"push-dan-1\",\"channels\":[\"PUSH\",\"EMAIL\"],\"channelMode\":\"FALLBACK\","
        + "\"recipients\":[{\"id\":\"it-push-dan\",\"pushToken\":\"invalid-it-dan\",\"email\":\"dan@it.example\"}],"
        + "\"subject\":\"Your order\",\"body\":\"It has shipped\"}";

    assertThat(post("/api/v1/notifications", request).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

    await().atMost(DELIVERY_WAIT).until(() -> deliveries("notification-admin~push-dan-1").stream()
        .noneMatch(delivery -> "PENDING".equals(delivery.get("status"))));
    assertThat(deliveries("notification-admin~push-dan-1"))
        .anySatisfy(push -> assertThat(push).containsEntry("channel", "PUSH").containsEntry("status", "FAILED")
            .containsEntry("errorCode", "fcm-INVALID_ARGUMENT"))
        .anySatisfy(email -> assertThat(email).containsEntry("channel", "EMAIL").containsEntry("status", "SENT"));
    assertThat(mailsTo("dan@it.example")).hasSize(1);
    assertThat(pushesTo("invalid-it-dan")).isEmpty();
  }

  private static String pushRequest(String key, String recipient) {
    return "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"PUSH\"],\"recipients\":[" + recipient + "],"
        + "\"subject\":\"Your order\",\"body\":\"It has shipped\"}";
  }

  private ResponseEntity<Map<String, Object>> register(String recipientId, String token,
      String platform) {
    return post("/api/v1/recipients/" + recipientId + "/devices",
        "{\"token\":\"" + token + "\",\"platform\":\"" + platform + "\"}");
  }

  private void injectFault(String fault) {
    assertThat(post("/api/v1/dev/simulators/fcm/faults", fault).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private List<Map<String, Object>> deliveries(String notificationId) {
    return (List<Map<String, Object>>) get("/api/v1/notifications/" + notificationId).getBody().get("deliveries");
  }

  private List<Map<String, Object>> devicesOf(String recipientId) {
    return http().get().uri("/api/v1/recipients/{id}/devices", recipientId).retrieve()
        .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
  }

  private Map<String, String> headersOfPushTo(String token) {
    return (Map<String, String>) pushesTo(token).get(0).get("headers");
  }

  private List<Map<String, Object>> pushesTo(String token) {
    List<Map<String, Object>> outbox = http().get().uri("/api/v1/dev/outbox?channel=PUSH").retrieve()
        .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    return outbox.stream().filter(push -> ((List<?>) push.get("to")).contains(token)).toList();
  }
}
