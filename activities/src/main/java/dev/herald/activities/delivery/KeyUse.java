package dev.herald.activities.delivery;

import dev.herald.workflows.messages.NotificationStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * A sender's latest notification under an idempotency key, as the delivery log keeps it.
 *
 * @param requestHash the SHA-256 of the request that started it; null for one logged before Herald kept it
 * @param updatedAt its last change: for a finished notification, when it finished
 */
public record KeyUse(String notificationId, String requestHash, NotificationStatus status, Instant updatedAt) {

  /** Whether the key still belongs to this notification: while it runs, and for {@code window} after it finished. */
  public boolean holds(Instant now, Duration window) {
    return !status.isFinal() || updatedAt.plus(window).isAfter(now);
  }
}
