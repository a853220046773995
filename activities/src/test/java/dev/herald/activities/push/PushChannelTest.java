package dev.herald.activities.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The push channel, over the real device store and a scripted sender: which
 * devices get the push, which tokens are deactivated, which failures are retried and when.
 * Not transactional: each test sees what the channel committed.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PushChannelTest {

  private static final String OWNER = "acme";

  @Autowired PushDevices devices;

  private final List<String> calledTokens = new CopyOnWriteArrayList<>();

  @Test
  void everyActiveDeviceAndTheRequestsTokenGetThePush() {
    devices.register(OWNER, "act-ada", "act-ada-web", DevicePlatform.WEB);
    devices.register(OWNER, "act-ada", "act-ada-phone", DevicePlatform.ANDROID);
    PushChannel push = activities(Map.of());

    ProviderReceipt receipt = push.sendPush(message("act-ada", "act-ada-adhoc"), 1);

    assertThat(calledTokens).containsExactly("act-ada-web", "act-ada-phone", "act-ada-adhoc");
    assertThat(receipt.providerMessageId()).isEqualTo(
        "projects/p/messages/act-ada-web,projects/p/messages/act-ada-phone,projects/p/messages/act-ada-adhoc");
    assertThat(devices.find(OWNER, "act-ada-adhoc")).as("a request's token is used, not registered").isEmpty();
  }

  @Test
  void aDeadTokenIsDeactivatedWhileTheOtherDevicesStillReceive() {
    devices.register(OWNER, "act-bob", "act-bob-old", DevicePlatform.IOS);
    devices.register(OWNER, "act-bob", "act-bob-new", DevicePlatform.IOS);
    PushChannel push = activities(Map.of("act-bob-old", unregistered()));

    ProviderReceipt receipt = push.sendPush(message("act-bob", null), 1);

    assertThat(receipt.providerMessageId()).isEqualTo("projects/p/messages/act-bob-new");
    assertThat(devices.activeTokens(OWNER, "act-bob")).containsExactly("act-bob-new");
    assertThat(devices.find(OWNER, "act-bob-old")).get().extracting(PushDevice::deactivatedReason)
        .isEqualTo("fcm-UNREGISTERED");
  }

  @Test
  void whenTheOnlyDeviceIsDeadTheDeliveryFailsForGoodAndTheTokenIsNeverTriedAgain() {
    devices.register(OWNER, "act-cy", "act-cy-only", DevicePlatform.WEB);
    PushChannel push = activities(Map.of("act-cy-only", unregistered()));

    ApplicationFailure first = failureOf(push, message("act-cy", null));
    ApplicationFailure second = failureOf(push, message("act-cy", null));

    assertThat(first.isNonRetryable()).isTrue();
    assertThat(first.getType()).isEqualTo("NO_ACTIVE_DEVICE");
    assertThat(first.getDetails().get(DeliveryError.class).providerCode()).isEqualTo("fcm-UNREGISTERED");
    assertThat(second.getType()).isEqualTo("NO_ACTIVE_DEVICE");
    assertThat(second.isNonRetryable()).isTrue();
    assertThat(calledTokens).containsExactly("act-cy-only");
  }

  @Test
  void aRecipientWithoutDevicesHasNoActiveDevice() {
    PushChannel push = activities(Map.of());

    ApplicationFailure failure = failureOf(push, message("act-nobody", null));

    assertThat(failure.getType()).isEqualTo("NO_ACTIVE_DEVICE");
    assertThat(failure.isNonRetryable()).isTrue();
    DeliveryError error = failure.getDetails().get(DeliveryError.class);
    assertThat(error.providerCode()).isNull();
    assertThat(error.message()).contains("act-nobody");
    assertThat(calledTokens).isEmpty();
  }

  @Test
  void aRequestTokenKnownToBeDeadIsSkipped() {
    devices.register(OWNER, "act-dan", "act-dan-dead", DevicePlatform.ANDROID);
    devices.deactivate("act-dan-dead", "fcm-INVALID_ARGUMENT");
    PushChannel push = activities(Map.of());

    ApplicationFailure failure = failureOf(push, message(null, "act-dan-dead"));

    assertThat(failure.getType()).isEqualTo("NO_ACTIVE_DEVICE");
    assertThat(calledTokens).isEmpty();
  }

  @Test
  void aTransientErrorIsRetriedAfterTheProvidersRetryAfter() {
    devices.register(OWNER, "act-eve", "act-eve-web", DevicePlatform.WEB);
    PushChannel push = activities(Map.of("act-eve-web", new PushSendException(DeliveryErrorType.PROVIDER_UNAVAILABLE,
        "fcm-UNAVAILABLE", false, Duration.ofSeconds(7), "The service is currently unavailable.", null)));

    ApplicationFailure failure = failureOf(push, message("act-eve", null));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("PROVIDER_UNAVAILABLE");
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isEqualTo("fcm-UNAVAILABLE");
    assertThat(devices.activeTokens(OWNER, "act-eve")).containsExactly("act-eve-web");
  }

  @Test
  void aTransientErrorOnOneDeviceOutranksADeadTokenOnAnother() {
    devices.register(OWNER, "act-fay", "act-fay-dead", DevicePlatform.WEB);
    devices.register(OWNER, "act-fay", "act-fay-busy", DevicePlatform.WEB);
    PushChannel push = activities(Map.of(
        "act-fay-dead", unregistered(),
        "act-fay-busy", new PushSendException(DeliveryErrorType.RATE_LIMITED, "fcm-QUOTA_EXCEEDED", false,
            Duration.ofSeconds(30), "Quota exceeded.", null)));

    ApplicationFailure failure = failureOf(push, message("act-fay", null));

    assertThat(failure.getType()).isEqualTo("RATE_LIMITED");
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(devices.activeTokens(OWNER, "act-fay")).containsExactly("act-fay-busy");
  }

  @Test
  void aRejectionFailsForGoodButKeepsTheToken() {
    devices.register(OWNER, "act-gus", "act-gus-web", DevicePlatform.WEB);
    PushChannel push = activities(Map.of("act-gus-web", new PushSendException(DeliveryErrorType.MESSAGE_REJECTED,
        "fcm-SENDER_ID_MISMATCH", false, null, "SenderId mismatch", null)));

    ApplicationFailure failure = failureOf(push, message("act-gus", null));

    assertThat(failure.getType()).isEqualTo("MESSAGE_REJECTED");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getDetails().get(DeliveryError.class).providerCode()).isEqualTo("fcm-SENDER_ID_MISMATCH");
    assertThat(devices.activeTokens(OWNER, "act-gus")).containsExactly("act-gus-web");
  }

  private PushChannel activities(Map<String, PushSendException> failingTokens) {
    PushSender sender = (tokens, message) -> tokens.stream().map(token -> {
      calledTokens.add(token);
      PushSendException failure = failingTokens.get(token);
      return failure != null ? PushResult.failed(token, failure) : PushResult.accepted(token, "projects/p/messages/" + token);
    }).toList();
    return new PushChannel(sender, devices);
  }

  private static PushSendException unregistered() {
    return new PushSendException(DeliveryErrorType.NO_ACTIVE_DEVICE, "fcm-UNREGISTERED", true, null,
        "Requested entity was not found.", null);
  }

  private static PushMessage message(String recipientId, String token) {
    return new PushMessage("notification-n1/push/0", "notification-n1", OWNER, recipientId, token, "Hello", "Hi there",
        Map.of("notificationId", "notification-n1"), null);
  }

  private static ApplicationFailure failureOf(PushChannel push, PushMessage message) {
    return catchThrowableOfType(ApplicationFailure.class, () -> push.sendPush(message, 1));
  }
}
