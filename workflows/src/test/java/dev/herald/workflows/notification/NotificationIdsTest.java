package dev.herald.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ids a key names once its earlier notification released it. */
class NotificationIdsTest {

  @Test
  void aKeyUsedAgainAfterItsWindowNamesItsSecondNotification() {
    assertThat(NotificationIds.next("billing", "vip-sale-1", "notification-billing~vip-sale-1"))
        .isEqualTo("notification-billing~vip-sale-1~2");
  }

  @Test
  void laterNotificationsOfAKeyAreNumberedOn() {
    assertThat(NotificationIds.next("billing", "vip-sale-1", "notification-billing~vip-sale-1~9"))
        .isEqualTo("notification-billing~vip-sale-1~10");
  }

  @Test
  void aKeyWhoseNotificationPredatesIdsWithSendersGetsTheFirstIdOfItsSender() {
    assertThat(NotificationIds.next("billing", "vip-sale-1", "notification-vip-sale-1"))
        .isEqualTo("notification-billing~vip-sale-1");
  }

  @Test
  void aNumberedIdIsStillItsSenders() {
    String second = NotificationIds.next("billing", "k", NotificationIds.of("billing", "k"));

    assertThat(NotificationIds.isOf(second, "billing")).isTrue();
    assertThat(NotificationIds.isOf(second, "bill")).isFalse();
  }
}
