package dev.herald.activities.inapp;

/**
 * One item for the in-app inbox of {@code owner}'s (the notification's sender's) recipient;
 * {@code preferencesUrl} the recipient's preference link when the template asks for one, else null.
 */
public record InAppMessage(
    String deliveryId, String notificationId, String owner, String recipientId, String title, String body,
    String preferencesUrl) {}
