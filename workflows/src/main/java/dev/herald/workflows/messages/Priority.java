package dev.herald.workflows.messages;

/** How urgent a notification is; higher priority tasks are dispatched first by Temporal. */
public enum Priority {
  HIGH(1),
  NORMAL(3),
  LOW(5);

  private final int temporalPriorityKey;

  Priority(int temporalPriorityKey) {
    this.temporalPriorityKey = temporalPriorityKey;
  }

  /** Temporal priority key: lower numbers are served first. */
  public int temporalPriorityKey() {
    return temporalPriorityKey;
  }
}
