package dev.herald.workflows.messages;

/**
 * How many of a notification's units reached their recipient: a unit is one delivery, or with
 * {@link ChannelMode#FALLBACK} one recipient's deliveries on all its channels (reached when any
 * went out). Units neither reached nor failed (skipped, cancelled) count in neither.
 */
public record Reach(int reached, int unreached) {

  /** COMPLETED when no unit failed, FAILED when none got through, else PARTIALLY_FAILED. */
  public NotificationStatus finalStatus() {
    if (unreached == 0) {
      return NotificationStatus.COMPLETED;
    }
    return reached == 0 ? NotificationStatus.FAILED : NotificationStatus.PARTIALLY_FAILED;
  }
}
