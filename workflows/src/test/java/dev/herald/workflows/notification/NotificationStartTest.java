package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static dev.herald.workflows.notification.TestNotifications.withApprovalThreshold;
import static dev.herald.workflows.notification.TestNotifications.withSendAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.TemplateRef;
import io.temporal.common.SearchAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  @Test
  void theStartCarriesTemplateCategoryAudienceAndSendTimeWhenTheNotificationHasThem() {
    Instant sendAt = Instant.parse("2030-01-01T00:00:00Z");
    NotificationSpec list = withSendAt(emailTo("start-more", "ada@example.com", "bob@example.com"), sendAt);
    NotificationSpec templated = new NotificationSpec(list.id(), list.idempotencyKey(), list.sender(), list.channels(),
        list.recipients(), null, list.priority(), sendAt, list.approval(), list.acceptedAt(), list.requestHash(), null,
        null, new TemplateRef("vip-sale", 3, Map.of("discount", "20%")), null, null, "marketing", null);

    SearchAttributes attributes = NotificationStart.searchAttributes(templated);

    assertThat(attributes.get(HeraldSearchAttributes.TEMPLATE)).isEqualTo("vip-sale");
    assertThat(attributes.get(HeraldSearchAttributes.TEMPLATE_VERSION)).isEqualTo(3L);
    assertThat(attributes.get(HeraldSearchAttributes.CATEGORY)).isEqualTo("marketing");
    assertThat(attributes.get(HeraldSearchAttributes.AUDIENCE)).isEqualTo(2L);
    assertThat(attributes.get(HeraldSearchAttributes.SEND_AT).toInstant()).isEqualTo(sendAt);
    assertThat(attributes.containsKey(HeraldSearchAttributes.GROUP)).isFalse();
    assertThat(NotificationStart.staticDetails(templated)).isEqualTo("template vip-sale version 3  \n"
        + "category marketing  \n2 recipient(s) on [EMAIL]  \nsend at " + sendAt + "  \n"
        + "approval above 100 recipients, within PT24H");
  }

  @Test
  void theStartShowsNoPartOfTheContentOrAddresses() {
    NotificationSpec spec = emailTo("start-private", "ada@example.com");

    assertThat(NotificationStart.staticDetails(spec)).doesNotContain("ada", "Maintenance", "22:00");
  }
}
