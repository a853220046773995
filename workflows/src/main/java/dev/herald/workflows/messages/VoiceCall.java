package dev.herald.workflows.messages;

/** One automated call that reads {@code text} aloud in the recipient's language. */
public record VoiceCall(String deliveryId, String notificationId, String sender, String to, String text, String locale) {}
