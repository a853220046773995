package dev.herald.api.notification;

/** The idempotency key was already used for a different request. */
public class IdempotencyConflictException extends RuntimeException {

  private final String notificationId;

  public IdempotencyConflictException(String idempotencyKey, String notificationId) {
    super("idempotency key '" + idempotencyKey + "' was already used for a different request (notification "
        + notificationId + "); use a new key for a new notification");
    this.notificationId = notificationId;
  }

  public String notificationId() {
    return notificationId;
  }
}
