package dev.herald.activities.sms;

/**
 * One SMS: {@code to} in E.164; {@code from} the number the template names, or null for the
 * sender's configured number.
 */
public record SmsMessage(String deliveryId, String notificationId, String sender, String to, String body, String from) {

  public SmsMessage(String deliveryId, String notificationId, String sender, String to, String body) {
    this(deliveryId, notificationId, sender, to, body, null);
  }
}
