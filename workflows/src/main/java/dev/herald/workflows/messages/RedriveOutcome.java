package dev.herald.workflows.messages;

/**
 * What a re-drive did: the delivery's status after it and the dead letter's.
 *
 * @param detail why, in words: the delivery's error, or why nothing was sent
 */
public record RedriveOutcome(String deliveryId, DeliveryStatus delivery, DeadLetterStatus deadLetter, String detail) {}
