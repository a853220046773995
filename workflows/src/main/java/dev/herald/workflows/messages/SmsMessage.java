package dev.herald.workflows.messages;

/** One SMS: {@code to} in E.164; the from number is chosen by the SMS activity for the sender. */
public record SmsMessage(String deliveryId, String notificationId, String sender, String to, String body) {}
