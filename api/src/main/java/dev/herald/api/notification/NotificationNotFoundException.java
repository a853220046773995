package dev.herald.api.notification;

public class NotificationNotFoundException extends RuntimeException {

  public NotificationNotFoundException(String id) {
    super("no notification with id '" + id + "'");
  }
}
