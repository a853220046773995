package dev.herald.api.notification;

/** Temporal did not answer; nothing was accepted and the client may retry with the same key. */
public class TemporalUnavailableException extends RuntimeException {

  public TemporalUnavailableException(Throwable cause) {
    super("the workflow service is unavailable; retry with the same idempotency key", cause);
  }
}
