package dev.herald.api.notification;

/** Where a request's idempotency key comes from, so a problem with it names what the caller wrote. */
public enum KeySource {
  /** REST: the body's {@code idempotencyKey} or the {@code Idempotency-Key} header. */
  API("idempotencyKey", "is required (in the body or the Idempotency-Key header)"),
  /** A Kafka event with its own {@code idempotencyKey}, or none and no record key. */
  EVENT("idempotencyKey", "is required (in the event, or as the record key)"),
  /** A Kafka event without {@code idempotencyKey}: its record key stands in. */
  RECORD_KEY("record key", "is required");

  private final String field;
  private final String whenMissing;

  KeySource(String field, String whenMissing) {
    this.field = field;
    this.whenMissing = whenMissing;
  }

  String field() {
    return field;
  }

  String whenMissing() {
    return whenMissing;
  }
}
