package dev.herald.workflows.messages;

/** Where a notification is in its life. The last seven are final. */
public enum NotificationStatus {
  ACCEPTED,
  PENDING_APPROVAL,
  SCHEDULED,
  SENDING,
  /** A broadcast an admin paused: no new batches until resumed. */
  PAUSED,
  COMPLETED,
  PARTIALLY_FAILED,
  FAILED,
  REJECTED,
  EXPIRED,
  CANCELLED,
  /** Not sent itself: its event went into each recipient's digest, which the status detail names. */
  DIGESTED;

  public boolean isFinal() {
    return ordinal() >= COMPLETED.ordinal();
  }
}
