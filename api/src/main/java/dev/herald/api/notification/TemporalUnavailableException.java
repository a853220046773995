package dev.herald.api.notification;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** Temporal did not answer; nothing was accepted and the client may retry with the same key. */
public class TemporalUnavailableException extends ProblemException {

  public TemporalUnavailableException(Throwable cause) {
    super(ProblemType.UNAVAILABLE, "the workflow service is unavailable; retry with the same idempotency key", cause);
  }
}
