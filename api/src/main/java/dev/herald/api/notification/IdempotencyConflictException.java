package dev.herald.api.notification;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;
import java.util.List;

/** The idempotency key was already used for a different request: 422, as the IETF Idempotency-Key draft advises. */
public class IdempotencyConflictException extends ProblemException {

  private final String notificationId;

  public IdempotencyConflictException(String idempotencyKey, String notificationId) {
    super(ProblemType.IDEMPOTENCY_KEY_REUSED, "idempotency key '" + idempotencyKey
        + "' was already used for a different request (notification " + notificationId
        + "); use a new key for a new notification");
    this.notificationId = notificationId;
    property("errors", List.of(new FieldViolation("idempotencyKey", "already used for a different request")));
    property("notificationId", notificationId);
  }

  public String notificationId() {
    return notificationId;
  }
}
