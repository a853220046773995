package dev.herald.activities.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.messages.NotificationStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long a notification holds its idempotency key. */
class KeyUseTest {

  private static final Instant CHANGED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(30);

  @Test
  void aRunningNotificationHoldsItsKeyHoweverLongAgoItChanged() {
    KeyUse scheduled = new KeyUse("notification-a~k", "h", NotificationStatus.SCHEDULED, CHANGED);

    assertThat(scheduled.holds(CHANGED.plus(Duration.ofDays(300)), WINDOW)).isTrue();
  }

  @Test
  void aFinishedNotificationHoldsItsKeyForTheWindowAfterItFinished() {
    KeyUse completed = new KeyUse("notification-a~k", "h", NotificationStatus.COMPLETED, CHANGED);

    assertThat(completed.holds(CHANGED.plus(WINDOW).minusSeconds(1), WINDOW)).isTrue();
    assertThat(completed.holds(CHANGED.plus(WINDOW), WINDOW)).isFalse();
  }
}
