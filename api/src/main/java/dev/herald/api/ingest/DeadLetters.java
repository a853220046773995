package dev.herald.api.ingest;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Why an event was dead-lettered, in words a person can act on (no Java class names): a header, and the dead letter's. */
final class DeadLetters {

  static final String REASON_HEADER = "herald-dlt-reason";
  /** Any other failure: its exception's words name Java classes, so they stay in Herald's log. */
  static final String UNEXPECTED = "could not be accepted because of an error on Herald's side (see its log)";
  /** A dead letter's error code: the event broke a rule of the door. */
  static final String INVALID_EVENT = "invalid-event";
  static final String UNEXPECTED_CODE = "unexpected-error";

  private DeadLetters() {}

  /** Why an event was refused: a code for the dead letters' filter and the words. */
  record Reason(String code, String text) {}

  static Reason reasonOf(Exception failure) {
    Throwable cause = failure;
    while (cause != null && !(cause instanceof InvalidEventException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof InvalidEventException
        ? new Reason(INVALID_EVENT, cause.getMessage()) : new Reason(UNEXPECTED_CODE, UNEXPECTED);
  }

  static Headers reasonHeaders(Exception failure) {
    Headers headers = new RecordHeaders();
    headers.add(REASON_HEADER, reasonOf(failure).text().getBytes(StandardCharsets.UTF_8));
    return headers;
  }
}
