package dev.herald.workflows.messages;

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

  public static DeliveryOutcome failed(String deliveryId, DeliveryError error) {
    String code = error.providerCode() != null ? error.providerCode() : error.type().name();
    return new DeliveryOutcome(deliveryId, DeliveryStatus.FAILED, error.attempt(), null, code, error.message());
  }
}
