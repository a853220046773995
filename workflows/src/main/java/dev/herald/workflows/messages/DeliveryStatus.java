package dev.herald.workflows.messages;

/** The state of one message to one recipient on one channel. */
public enum DeliveryStatus {
  PENDING,
  SENT,
  FAILED,
  CANCELLED
}
