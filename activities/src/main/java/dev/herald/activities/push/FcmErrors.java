package dev.herald.activities.push;

import com.google.firebase.ErrorCode;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * FCM's answers in Herald's terms, the one place for the push rows of the failure table:
 *
 * <pre>
 * FCM error code (HTTP)                         Herald error type      retried? token
 * UNREGISTERED (404)                            NO_ACTIVE_DEVICE       no       deactivated
 * INVALID_ARGUMENT (400) about message.token    NO_ACTIVE_DEVICE       no       deactivated
 * INVALID_ARGUMENT (400) about the message      MESSAGE_REJECTED       no       kept
 * SENDER_ID_MISMATCH (403)                      MESSAGE_REJECTED       no       kept (our project is wrong)
 * THIRD_PARTY_AUTH_ERROR (401)                  MESSAGE_REJECTED       no       kept (APNs/web push keys)
 * QUOTA_EXCEEDED (429)                          RATE_LIMITED           yes, after Retry-After
 * UNAVAILABLE (503), INTERNAL (500)             PROVIDER_UNAVAILABLE   yes, after Retry-After if given
 * no FCM code: 401/403 (our credentials)        PROVIDER_UNAVAILABLE   yes (fixing credentials recovers)
 * no FCM code: 429                              RATE_LIMITED           yes
 * no FCM code: 5xx, timeout, connection error   PROVIDER_UNAVAILABLE   yes
 * no FCM code: other 4xx                        MESSAGE_REJECTED       no
 * </pre>
 *
 * A recipient whose tokens are all dead (or who has none) fails with NO_ACTIVE_DEVICE.
 */
final class FcmErrors {

  private FcmErrors() {}

  static PushSendException classify(FirebaseMessagingException e) {
    IncomingHttpResponse response = e.getHttpResponse();
    return classify(e.getMessagingErrorCode(), e.getErrorCode(), e.getMessage(),
        response == null ? null : response.getContent(), response == null ? Map.of() : response.getHeaders(), e);
  }

  static PushSendException classify(MessagingErrorCode fcmCode, ErrorCode status, String message, String body,
      Map<String, Object> headers, Throwable cause) {
    String providerCode = "fcm-" + (fcmCode != null ? fcmCode.name() : status.name());
    Duration retryAfter = retryAfter(headers, Instant.now());
    if (fcmCode != null) {
      return switch (fcmCode) {
        case UNREGISTERED -> deadToken(providerCode, message, cause);
        case INVALID_ARGUMENT -> isAboutTheToken(message, body)
            ? deadToken(providerCode, message, cause)
            : permanent(DeliveryErrorType.MESSAGE_REJECTED, providerCode, message, cause);
        case SENDER_ID_MISMATCH, THIRD_PARTY_AUTH_ERROR ->
            permanent(DeliveryErrorType.MESSAGE_REJECTED, providerCode, message, cause);
        case QUOTA_EXCEEDED -> transientError(DeliveryErrorType.RATE_LIMITED, providerCode, retryAfter, message, cause);
        case UNAVAILABLE, INTERNAL ->
            transientError(DeliveryErrorType.PROVIDER_UNAVAILABLE, providerCode, retryAfter, message, cause);
      };
    }
    return switch (status) {
      case RESOURCE_EXHAUSTED -> transientError(DeliveryErrorType.RATE_LIMITED, providerCode, retryAfter, message, cause);
      case UNAVAILABLE, INTERNAL, UNKNOWN, DEADLINE_EXCEEDED, ABORTED, CANCELLED, DATA_LOSS, UNAUTHENTICATED,
          PERMISSION_DENIED -> transientError(DeliveryErrorType.PROVIDER_UNAVAILABLE, providerCode, retryAfter, message, cause);
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE, NOT_FOUND, CONFLICT, ALREADY_EXISTS ->
          permanent(DeliveryErrorType.MESSAGE_REJECTED, providerCode, message, cause);
    };
  }

  /** FCM names the field: a BadRequest detail on {@code message.token}, "not a valid FCM registration token". */
  static boolean isAboutTheToken(String message, String body) {
    return (body != null && body.contains("\"message.token\""))
        || (message != null && message.toLowerCase().contains("registration token"));
  }

  /** Retry-After in delta-seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(Map<String, Object> headers, Instant now) {
    Object raw = headers.entrySet().stream()
        .filter(header -> "retry-after".equalsIgnoreCase(header.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
    if (raw instanceof List<?> values) {
      raw = values.isEmpty() ? null : values.get(0);
    }
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    String value = raw.toString().trim();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  private static PushSendException deadToken(String providerCode, String message, Throwable cause) {
    return new PushSendException(DeliveryErrorType.NO_ACTIVE_DEVICE, providerCode, true, null, message, cause);
  }

  private static PushSendException permanent(DeliveryErrorType type, String providerCode, String message,
      Throwable cause) {
    return new PushSendException(type, providerCode, false, null, message, cause);
  }

  private static PushSendException transientError(DeliveryErrorType type, String providerCode, Duration retryAfter,
      String message, Throwable cause) {
    return new PushSendException(type, providerCode, false, retryAfter, message, cause);
  }
}
