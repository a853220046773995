package dev.herald.workflows.messages;

/** One message the workflow plans to send: to one recipient address on one channel. */
public record PlannedDelivery(String id, String notificationId, Channel channel, String address) {}
