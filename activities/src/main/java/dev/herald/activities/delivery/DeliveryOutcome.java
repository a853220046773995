package dev.herald.activities.delivery;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.preference.SkipReason;
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

  /**
   * A failure; a recipient the provider says unsubscribed is SKIPPED ({@code opted-out:address}), not
   * FAILED: nothing went wrong.
   */
  public static DeliveryOutcome failed(String deliveryId, DeliveryError error) {
    if (error.type() == DeliveryErrorType.RECIPIENT_OPTED_OUT) {
      return new DeliveryOutcome(deliveryId, DeliveryStatus.SKIPPED, error.attempt(), null,
          SkipReason.OPTED_OUT + "address", error.message());
    }
    String code = error.providerCode() != null ? error.providerCode() : error.type().name();
    return new DeliveryOutcome(deliveryId, DeliveryStatus.FAILED, error.attempt(), null, code, error.message());
  }

  public static DeliveryOutcome skipped(String deliveryId, String reason) {
    return new DeliveryOutcome(deliveryId, DeliveryStatus.SKIPPED, 0, null, null, reason);
  }

  /** Skipped for a reason with a code, e.g. {@code opted-out:channel=email}. */
  public static DeliveryOutcome skipped(String deliveryId, String code, String reason) {
    return new DeliveryOutcome(deliveryId, DeliveryStatus.SKIPPED, 0, null, code, reason);
  }
}
