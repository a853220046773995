package dev.herald.api.ingest;

/** An event that can never be accepted as it is; it goes to the dead-letter topic with this reason. */
class InvalidEventException extends RuntimeException {

  InvalidEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
