package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static dev.herald.workflows.notification.TestNotifications.withApprovalThreshold;
import static dev.herald.workflows.notification.TestNotifications.withSendAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.common.SearchAttributes;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationStartTest {

  @Test
  void aNotificationWithNothingToWaitForStartsAsSending() {
    assertThat(NotificationStart.status(emailTo("start-now", "ada@example.com"))).isEqualTo(NotificationStatus.SENDING);
  }

  @Test
  void aNotificationThatNeedsApprovalStartsAsAccepted() {
    NotificationSpec spec = withApprovalThreshold(emailTo("start-approval", "ada@example.com", "bob@example.com"), 1);

    assertThat(NotificationStart.status(spec)).isEqualTo(NotificationStatus.ACCEPTED);
  }

  @Test
  void aScheduledNotificationStartsAsAccepted() {
    NotificationSpec spec = withSendAt(emailTo("start-later", "ada@example.com"), Instant.parse("2030-01-01T00:00:00Z"));

    assertThat(NotificationStart.status(spec)).isEqualTo(NotificationStatus.ACCEPTED);
  }

  @Test
  void aNotificationWithNoAddressOnItsChannelsStartsAsAccepted() {
    assertThat(NotificationStart.status(emailTo("start-nowhere", (String) null))).isEqualTo(NotificationStatus.ACCEPTED);
  }

  @Test
  void aGroupBroadcastStartsAsAccepted() {
    NotificationSpec list = emailTo("start-group");
    NotificationSpec group = new NotificationSpec(list.id(), list.idempotencyKey(), list.sender(), list.channels(),
        List.of(), list.content(), list.priority(), null, list.approval(), list.acceptedAt(), list.requestHash(), null,
        null, null, "vip-customers", null, null, null);

    assertThat(NotificationStart.status(group)).isEqualTo(NotificationStatus.ACCEPTED);
  }

  @Test
  void theStartCarriesChannelsPriorityAndSenderForTheTemporalUi() {
    SearchAttributes attributes = NotificationStart.searchAttributes(emailTo("start-attributes", "ada@example.com"));

    assertThat(attributes.get(HeraldSearchAttributes.STATUS)).isEqualTo("SENDING");
    assertThat(attributes.get(HeraldSearchAttributes.CHANNELS)).containsExactly("EMAIL");
    assertThat(attributes.get(HeraldSearchAttributes.PRIORITY)).isEqualTo("NORMAL");
    assertThat(attributes.get(HeraldSearchAttributes.SENDER)).isEqualTo("ops@herald.test");
  }
}
