package dev.herald.api.notification;

/** The notification exists but cannot do what was asked in its current state. */
public class NotificationStateException extends RuntimeException {

  public NotificationStateException(String message) {
    super(message);
  }
}
