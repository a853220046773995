package dev.herald.workflows.messages;

/** Where a notification is in its life. The last six are final. */
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
  CANCELLED;

  public boolean isFinal() {
    return ordinal() >= COMPLETED.ordinal();
  }
}
