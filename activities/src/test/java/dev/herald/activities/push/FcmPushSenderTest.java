package dev.herald.activities.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Firebase Admin SDK against a bare FCM endpoint over HTTP: what it sends, how its answers map. */
class FcmPushSenderTest {

  private static final PushMessage MESSAGE = new PushMessage("notification-n1/push/0", "notification-n1", "acme", "ada",
      null, "Your invoice", "Invoice #42 is ready.", Map.of("invoice", "42"), null);
  private static final String BAD_TOKEN_DETAIL = "{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\","
      + "\"fieldViolations\":[{\"field\":\"message.token\",\"description\":\"Invalid registration token\"}]}";

  private FakeFcm fcm;
  private FcmPushSender sender;

  @BeforeEach
  void start() throws Exception {
    fcm = new FakeFcm();
    sender = new FcmPushSender(new FcmProperties("test-project", null, fcm.baseUrl(), Duration.ofSeconds(5)),
        Optional::empty);
  }

  @AfterEach
  void stop() {
    sender.close();
    fcm.close();
  }

  @Test
  void sendsTheSdksV1RequestAndReturnsTheMessageName() throws Exception {
    String name = sent("token-ada-phone");

    assertThat(name).isEqualTo("projects/test-project/messages/1");
    var request = fcm.requests().get(0);
    assertThat(request.path()).isEqualTo("/fcm/v1/projects/test-project/messages:send");
    assertThat(request.authorization()).isEqualTo("Bearer herald-dev");
    assertThat(request.contentType()).startsWith("application/json");
    assertThat(request.body())
        .contains("\"token\":\"token-ada-phone\"")
        .contains("\"title\":\"Your invoice\"", "\"body\":\"Invoice #42 is ready.\"")
        .contains("\"notificationId\":\"notification-n1\"", "\"deliveryId\":\"notification-n1/push/0\"",
            "\"invoice\":\"42\"")
        .contains("\"android\"", "\"apns\"", "\"webpush\"");
  }

  @Test
  void eachPlatformGetsTheNotificationsPriorityAsAnAlert() {
    for (Priority priority : List.of(Priority.HIGH, Priority.NORMAL, Priority.LOW)) {
      sender.send(List.of("token-" + priority), withPriority(priority));
    }
    sent("token-none");

    var bodies = fcm.requests().stream().map(request -> request.body()).toList();
    assertThat(bodies.get(0)).contains("\"android\":{\"priority\":\"high\"}", "\"apns-priority\":\"10\"",
        "\"apns-push-type\":\"alert\"", "\"Urgency\":\"high\"");
    assertThat(bodies.get(1)).contains("\"android\":{\"priority\":\"normal\"}", "\"apns-priority\":\"5\"",
        "\"apns-push-type\":\"alert\"", "\"Urgency\":\"normal\"");
    assertThat(bodies.get(2)).contains("\"android\":{\"priority\":\"normal\"}", "\"apns-priority\":\"5\"",
        "\"Urgency\":\"low\"");
    assertThat(bodies.get(3)).as("no priority: NORMAL").contains("\"priority\":\"normal\"", "\"Urgency\":\"normal\"");
  }

  @Test
  void anImageIsShownOnEveryPlatformAndOnlyWhenThereIsOne() {
    String image = "https://herald.example.com/api/v1/attachments/0b6c/content";
    sender.send(List.of("token-image"), new PushMessage(MESSAGE.deliveryId(), MESSAGE.notificationId(), MESSAGE.owner(),
        MESSAGE.recipientId(), null, MESSAGE.title(), MESSAGE.body(), MESSAGE.data(), null, image));
    sent("token-no-image");

    var bodies = fcm.requests().stream().map(request -> request.body()).toList();
    assertThat(bodies.get(0).split("\"image\":\"" + image + "\"", -1)).as("notification, APNs and web push")
        .hasSize(4);
    assertThat(bodies.get(0)).contains("\"fcm_options\":{\"image\":", "\"mutable-content\":1");
    assertThat(bodies.get(1)).doesNotContain("\"image\"", "fcm_options", "mutable-content");
  }

  @Test
  void unregisteredTokenIsDeadAndPermanent() {
    fcm.answerError(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.", Map.of());

    PushSendException e = failure();

    assertThat(e.type()).isEqualTo(DeliveryErrorType.NO_ACTIVE_DEVICE);
    assertThat(e.providerCode()).isEqualTo("fcm-UNREGISTERED");
    assertThat(e.tokenDead()).isTrue();
  }

  @Test
  void invalidArgumentAboutTheTokenIsADeadToken() {
    fcm.answerError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
        "The registration token is not a valid FCM registration token", Map.of(), BAD_TOKEN_DETAIL);

    PushSendException e = failure();

    assertThat(e.type()).isEqualTo(DeliveryErrorType.NO_ACTIVE_DEVICE);
    assertThat(e.providerCode()).isEqualTo("fcm-INVALID_ARGUMENT");
    assertThat(e.tokenDead()).isTrue();
  }

  @Test
  void invalidArgumentAboutTheMessageIsARejectionAndKeepsTheToken() {
    fcm.answerError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "Message is too big", Map.of());

    PushSendException e = failure();

    assertThat(e.type()).isEqualTo(DeliveryErrorType.MESSAGE_REJECTED);
    assertThat(e.tokenDead()).isFalse();
  }

  @Test
  void senderIdMismatchIsARejection() {
    fcm.answerError(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH", "SenderId mismatch", Map.of());

    PushSendException e = failure();

    assertThat(e.type()).isEqualTo(DeliveryErrorType.MESSAGE_REJECTED);
    assertThat(e.providerCode()).isEqualTo("fcm-SENDER_ID_MISMATCH");
    assertThat(e.tokenDead()).isFalse();
  }

  @Test
  void unavailableIsTransientWithItsRetryAfterAndTheSdkDoesNotRetryItself() {
    fcm.answerError(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable.",
        Map.of("Retry-After", "7"));

    PushSendException e = failure();

    assertThat(e.type()).isEqualTo(DeliveryErrorType.PROVIDER_UNAVAILABLE);
    assertThat(e.providerCode()).isEqualTo("fcm-UNAVAILABLE");
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(fcm.requests()).hasSize(1);
  }

  @Test
  void quotaExceededIsRateLimitedWithItsRetryAfter() {
    fcm.answerError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", "Quota exceeded.", Map.of("Retry-After", "30"));

    PushSendException e = failure();

    assertThat(e.type()).isEqualTo(DeliveryErrorType.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void internalErrorIsTransient() {
    fcm.answerError(500, "INTERNAL", "INTERNAL", "Internal error encountered.", Map.of());

    PushSendException e = failure();

    assertThat(e.type()).isEqualTo(DeliveryErrorType.PROVIDER_UNAVAILABLE);
    assertThat(e.providerCode()).isEqualTo("fcm-INTERNAL");
    assertThat(e.retryAfter()).isEmpty();
    assertThat(fcm.requests()).hasSize(1);
  }

  @Test
  void unreachableFcmIsTransient() {
    fcm.close();

    PushSendException e = failure();

    assertThat(e.type()).isEqualTo(DeliveryErrorType.PROVIDER_UNAVAILABLE);
    assertThat(e.tokenDead()).isFalse();
  }

  @Test
  void aMessageTheSdkRefusesToBuildIsRejectedWithoutACall() {
    PushSendException e = sender.send(List.of(""), MESSAGE).get(0).failure();

    assertThat(e.type()).isEqualTo(DeliveryErrorType.MESSAGE_REJECTED);
    assertThat(e.providerCode()).isEqualTo("fcm-invalid-message");
    assertThat(fcm.requests()).isEmpty();
  }

  @Test
  void everyTokenGetsItsOwnCallAndItsOwnAnswer() {
    fcm.answerError(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.", Map.of());

    List<PushResult> results = sender.send(List.of("token-a", "token-b"), MESSAGE);

    assertThat(results).extracting(PushResult::token).containsExactly("token-a", "token-b");
    assertThat(results).filteredOn(PushResult::isAccepted).singleElement()
        .satisfies(accepted -> assertThat(accepted.messageId()).startsWith("projects/test-project/messages/"));
    assertThat(results).filteredOn(result -> !result.isAccepted()).singleElement()
        .satisfies(failed -> assertThat(failed.failure().providerCode()).isEqualTo("fcm-UNREGISTERED"));
    assertThat(fcm.requests()).hasSize(2);
  }

  @Test
  void theInProcessSimulatorIsUsedOnceItsAddressIsKnown() throws Exception {
    AtomicReference<String> simulator = new AtomicReference<>();
    try (var lazy = new FcmPushSender(new FcmProperties(null, null, null, Duration.ofSeconds(5)),
        () -> Optional.ofNullable(simulator.get()))) {
      PushSendException early = lazy.send(List.of("token-1"), MESSAGE).get(0).failure();
      assertThat(early.type()).isEqualTo(DeliveryErrorType.PROVIDER_UNAVAILABLE);
      assertThat(early.providerCode()).isEqualTo("fcm-not-configured");

      simulator.set(fcm.baseUrl());

      assertThat(lazy.send(List.of("token-1"), MESSAGE).get(0).messageId()).isEqualTo("projects/herald-dev/messages/1");
    }
  }

  private static PushMessage withPriority(Priority priority) {
    return new PushMessage(MESSAGE.deliveryId(), MESSAGE.notificationId(), MESSAGE.owner(), MESSAGE.recipientId(),
        null, MESSAGE.title(), MESSAGE.body(), MESSAGE.data(), priority);
  }

  private String sent(String token) {
    PushResult result = sender.send(List.of(token), MESSAGE).get(0);
    assertThat(result.isAccepted()).as("accepted: %s", result.failure()).isTrue();
    return result.messageId();
  }

  private PushSendException failure() {
    PushResult result = sender.send(List.of("token-ada-phone"), MESSAGE).get(0);
    assertThat(result.isAccepted()).isFalse();
    return result.failure();
  }
}
