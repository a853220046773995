package dev.herald.api.ingest;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The header that says why an event was dead-lettered, in words a person can act on (no Java class names). */
final class DeadLetters {

  static final String REASON_HEADER = "herald-dlt-reason";
  /** Any other failure: its exception's words name Java classes, so they stay in Herald's log. */
  static final String UNEXPECTED = "could not be accepted because of an error on Herald's side (see its log)";

  private DeadLetters() {}

  static Headers reasonHeaders(Exception failure) {
    Throwable cause = failure;
    while (cause != null && !(cause instanceof InvalidEventException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String reason = cause instanceof InvalidEventException ? cause.getMessage() : UNEXPECTED;
    Headers headers = new RecordHeaders();
    headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
    return headers;
  }
}
