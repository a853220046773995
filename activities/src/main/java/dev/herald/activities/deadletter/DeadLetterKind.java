package dev.herald.activities.deadletter;

/** What failed for good: a delivery, or a request event that could not become a notification. */
public enum DeadLetterKind {
  DELIVERY,
  EVENT
}
