package dev.herald.activities.inapp;

/** One item for a recipient's in-app inbox. */
public record InAppMessage(String deliveryId, String notificationId, String recipientId, String title, String body) {}
