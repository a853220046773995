package dev.herald.workflows.messages;

/** The state of one message to one recipient on one channel. */
public enum DeliveryStatus {
  /** Reserved, not sent yet. */
  PENDING,
  /** Accepted by the provider. */
  SENT,
  /** The provider confirmed delivery (a receipt: SMS delivered, call completed). */
  DELIVERED,
  /** Failed for good: a permanent error, retries exhausted, or a receipt saying undelivered. */
  FAILED,
  /** Not sent on purpose: the recipient opted out, or an earlier fallback channel succeeded. */
  SKIPPED,
  /** The notification was cancelled, rejected or expired before this was sent. */
  CANCELLED;

  public boolean isFinal() {
    return this != PENDING && this != SENT;
  }
}
