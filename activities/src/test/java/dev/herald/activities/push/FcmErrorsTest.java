package dev.herald.activities.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.firebase.ErrorCode;
import com.google.firebase.messaging.MessagingErrorCode;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The push rows of the failure table, and Retry-After in both of its forms. */
class FcmErrorsTest {

  private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

  @ParameterizedTest(name = "{0} -> {2}, retryable {3}, token dead {4}")
  @CsvSource({
      "UNREGISTERED,           NOT_FOUND,          NO_ACTIVE_DEVICE,     false, true",
      "SENDER_ID_MISMATCH,     PERMISSION_DENIED,  MESSAGE_REJECTED,     false, false",
      "THIRD_PARTY_AUTH_ERROR, UNAUTHENTICATED,    MESSAGE_REJECTED,     false, false",
      "QUOTA_EXCEEDED,         RESOURCE_EXHAUSTED, RATE_LIMITED,         true,  false",
      "UNAVAILABLE,            UNAVAILABLE,        PROVIDER_UNAVAILABLE, true,  false",
      "INTERNAL,               INTERNAL,           PROVIDER_UNAVAILABLE, true,  false"
  })
  void fcmErrorCodes(MessagingErrorCode fcmCode, ErrorCode status, DeliveryErrorType type, boolean retryable,
      boolean tokenDead) {
    PushSendException e = FcmErrors.classify(fcmCode, status, "from FCM", null, Map.of(), null);

    assertThat(e.type()).isEqualTo(type);
    assertThat(e.type().retryable()).isEqualTo(retryable);
    assertThat(e.tokenDead()).isEqualTo(tokenDead);
    assertThat(e.providerCode()).isEqualTo("fcm-" + fcmCode);
  }

  @ParameterizedTest(name = "no FCM code, {0} -> {1}")
  @CsvSource({
      "UNAUTHENTICATED,    PROVIDER_UNAVAILABLE",
      "PERMISSION_DENIED,  PROVIDER_UNAVAILABLE",
      "RESOURCE_EXHAUSTED, RATE_LIMITED",
      "UNAVAILABLE,        PROVIDER_UNAVAILABLE",
      "UNKNOWN,            PROVIDER_UNAVAILABLE",
      "DEADLINE_EXCEEDED,  PROVIDER_UNAVAILABLE",
      "INVALID_ARGUMENT,   MESSAGE_REJECTED",
      "NOT_FOUND,          MESSAGE_REJECTED"
  })
  void statusesWithoutAnFcmCode(ErrorCode status, DeliveryErrorType type) {
    PushSendException e = FcmErrors.classify(null, status, "from Google", null, Map.of(), null);

    assertThat(e.type()).isEqualTo(type);
    assertThat(e.tokenDead()).isFalse();
    assertThat(e.providerCode()).isEqualTo("fcm-" + status);
  }

  @Test
  void invalidArgumentIsAboutTheTokenWhenFcmNamesTheField() {
    assertThat(FcmErrors.isAboutTheToken("Request contains an invalid argument.",
        "{\"fieldViolations\":[{\"field\":\"message.token\"}]}")).isTrue();
    assertThat(FcmErrors.isAboutTheToken("The registration token is not a valid FCM registration token", null)).isTrue();
    assertThat(FcmErrors.isAboutTheToken("Message is too big", "{\"details\":[]}")).isFalse();
  }

  @Test
  void retryAfterInSecondsOrAsAnHttpDate() {
    assertThat(FcmErrors.retryAfter(Map.of("retry-after", List.of("12")), NOW)).isEqualTo(Duration.ofSeconds(12));
    assertThat(FcmErrors.retryAfter(Map.of("Retry-After", "3"), NOW)).isEqualTo(Duration.ofSeconds(3));
    assertThat(FcmErrors.retryAfter(Map.of("retry-after", "Sat, 01 Mar 2025 09:01:30 GMT"), NOW))
        .isEqualTo(Duration.ofSeconds(90));
    assertThat(FcmErrors.retryAfter(Map.of("retry-after", "Sat, 01 Mar 2025 08:00:00 GMT"), NOW))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void noOrUnreadableRetryAfterIsNone() {
    assertThat(FcmErrors.retryAfter(Map.of(), NOW)).isNull();
    assertThat(FcmErrors.retryAfter(Map.of("retry-after", "soon"), NOW)).isNull();
    assertThat(FcmErrors.retryAfter(Map.of("retry-after", List.of()), NOW)).isNull();
  }
}
