package dev.herald.activities.voice;

/**
 * One automated call that reads {@code text} aloud in the recipient's language; {@code from} the
 * number the template names, or null for the sender's configured number.
 */
public record VoiceCall(
    String deliveryId, String notificationId, String sender, String to, String text, String locale, String from) {

  public VoiceCall(String deliveryId, String notificationId, String sender, String to, String text, String locale) {
    this(deliveryId, notificationId, sender, to, text, locale, null);
  }
}
