package dev.herald.api.notification;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** Temporal did not answer; nothing was accepted and the client may retry with the same key. */
public class TemporalUnavailableException extends ProblemException {

  public TemporalUnavailableException(Throwable cause) {
    this("the workflow service is unavailable; retry with the same idempotency key", cause);
  }

  /** Another call than a send: {@code detail} says what to do. */
  public TemporalUnavailableException(String detail, Throwable cause) {
    super(ProblemType.UNAVAILABLE, detail, cause);
  }
}
