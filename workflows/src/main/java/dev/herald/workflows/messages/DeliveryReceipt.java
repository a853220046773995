package dev.herald.workflows.messages;

/**
 * What a provider reported later about a sent message (e.g. a Twilio status callback).
 *
 * @param status DELIVERED, FAILED, or SENT for an intermediate state
 * @param providerStatus the provider's own word (delivered, undelivered, busy, no-answer ...)
 */
public record DeliveryReceipt(
    String deliveryId, String providerMessageId, DeliveryStatus status, String providerStatus, String errorCode) {}
