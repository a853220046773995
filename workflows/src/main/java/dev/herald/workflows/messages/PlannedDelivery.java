package dev.herald.workflows.messages;

/**
 * One message the workflow plans to send: to one recipient address on one channel.
 *
 * @param recipientIndex position of the recipient in the notification's recipient list
 */
public record PlannedDelivery(String id, String notificationId, Channel channel, String address, int recipientIndex) {}
