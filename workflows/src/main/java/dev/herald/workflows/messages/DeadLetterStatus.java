package dev.herald.workflows.messages;

/** Where a dead letter stands. */
public enum DeadLetterStatus {
  /** Failed for good, waiting for an admin: re-drive or discard. */
  OPEN,
  /** A re-drive is in flight. */
  REDRIVING,
  /** Re-driven: sent (or skipped by the recipient's choices), or nothing left to send. */
  REDRIVEN,
  /** Put aside by an admin; kept for the record. */
  DISCARDED
}
