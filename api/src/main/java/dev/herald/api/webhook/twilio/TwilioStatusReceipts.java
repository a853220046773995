package dev.herald.api.webhook.twilio;

import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Twilio status callback as a delivery receipt. SMS: sent -> SENT; delivered (read) ->
 * DELIVERED; undelivered, failed, canceled -> FAILED. Calls: completed -> DELIVERED; busy,
 * no-answer, failed, canceled -> FAILED. Earlier states (queued, sending, ringing ...) are not
 * receipts. A failure carries Twilio's ErrorCode, or its status, as {@code twilio-<code>}.
 */
final class TwilioStatusReceipts {

  private TwilioStatusReceipts() {}

  static Optional<DeliveryReceipt> from(String deliveryId, Map<String, String> params) {
    String messageStatus = params.getOrDefault("MessageStatus", params.get("SmsStatus"));
    if (messageStatus != null) {
      String sid = params.getOrDefault("MessageSid", params.get("SmsSid"));
      return receipt(deliveryId, sid, messageStatus, params.get("ErrorCode"), switch (lower(messageStatus)) {
        case "sent" -> DeliveryStatus.SENT;
        case "delivered", "read" -> DeliveryStatus.DELIVERED;
        case "undelivered", "failed", "canceled" -> DeliveryStatus.FAILED;
        default -> null;
      });
    }
    String callStatus = params.get("CallStatus");
    if (callStatus != null) {
      return receipt(deliveryId, params.get("CallSid"), callStatus, params.get("ErrorCode"), switch (lower(callStatus)) {
        case "completed" -> DeliveryStatus.DELIVERED;
        case "busy", "no-answer", "failed", "canceled" -> DeliveryStatus.FAILED;
        default -> null;
      });
    }
    return Optional.empty();
  }

  private static Optional<DeliveryReceipt> receipt(String deliveryId, String sid, String providerStatus,
      String errorCode, DeliveryStatus status) {
    if (status == null) {
      return Optional.empty();
    }
    String code = status != DeliveryStatus.FAILED ? null
        : "twilio-" + (errorCode != null && !errorCode.isBlank() ? errorCode : lower(providerStatus));
    return Optional.of(new DeliveryReceipt(deliveryId, sid, status, lower(providerStatus), code));
  }

  private static String lower(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
