package dev.herald.activities.delivery;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryStatus;

/** The end of one delivery, as recorded in the delivery log. */
public record DeliveryOutcome(
    String deliveryId,
    DeliveryStatus status,
    int attempts,
    String providerMessageId,
    String errorCode,
    String lastError) {

  public static DeliveryOutcome sent(String deliveryId, ProviderReceipt receipt) {
    return new DeliveryOutcome(deliveryId, DeliveryStatus.SENT, receipt.attempt(), receipt.providerMessageId(), null, null);
  }

  /** A failure; an opted-out recipient is SKIPPED, not FAILED: nothing went wrong. */
  public static DeliveryOutcome failed(String deliveryId, DeliveryError error) {
    String code = error.providerCode() != null ? error.providerCode() : error.type().name();
    DeliveryStatus status =
        error.type() == DeliveryErrorType.RECIPIENT_OPTED_OUT ? DeliveryStatus.SKIPPED : DeliveryStatus.FAILED;
    return new DeliveryOutcome(deliveryId, status, error.attempt(), null, code, error.message());
  }

  public static DeliveryOutcome skipped(String deliveryId, String reason) {
    return new DeliveryOutcome(deliveryId, DeliveryStatus.SKIPPED, 0, null, null, reason);
  }
}
