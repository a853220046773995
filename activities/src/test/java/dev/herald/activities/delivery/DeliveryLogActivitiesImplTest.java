package dev.herald.activities.delivery;

import static dev.herald.activities.delivery.DeliveryLogFixtures.deliveryId;
import static dev.herald.activities.delivery.DeliveryLogFixtures.email;
import static dev.herald.activities.delivery.DeliveryLogFixtures.list;
import static dev.herald.activities.delivery.DeliveryLogFixtures.notification;
import static dev.herald.activities.delivery.DeliveryLogFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.delivery.DeliveryLogFixtures.StoredDelivery;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Reach;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.messages.TemplateRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log activity against PostgreSQL; each test runs in a transaction rolled back after it. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class DeliveryLogActivitiesImplTest {

  private static final int PAGE = 100;

  @Autowired DeliveryLogActivitiesImpl log;
  @Autowired DeliveryLogWrites writes;
  @Autowired NotificationRepository notifications;
  @Autowired DeliveryRepository deliveries;
  @Autowired NamedParameterJdbcTemplate template;

  @Test
  void recordAudienceStoresTheNotificationAndOnePendingDeliveryPerMemberAndChannel() {
    NotificationSpec spec = notification("invoice-1", 3);

    Audience audience = log.recordAudience(spec, NotificationStatus.ACCEPTED);

    assertThat(audience).isEqualTo(new Audience(3, List.of(ChannelCounts.reserved(Channel.EMAIL, 3))));
    NotificationRecord stored = notifications.findById(spec.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(NotificationStatus.ACCEPTED);
    assertThat(stored.idempotencyKey()).isEqualTo("invoice-1");
    assertThat(stored.sender()).isEqualTo("billing-service");
    assertThat(stored.channels()).isEqualTo("EMAIL");
    assertThat(stored.priority()).isEqualTo(Priority.NORMAL);
    assertThat(stored.subject()).isEqualTo("Your invoice is ready");
    assertThat(stored.recipientCount()).isEqualTo(3);
    assertThat(stored.createdAt()).isEqualTo(spec.acceptedAt());
    assertThat(stored.sendAt()).isNull();

    assertThat(deliveries.findByNotification(spec.id(), PAGE))
        .extracting(DeliveryRecord::id, DeliveryRecord::channel, DeliveryRecord::recipient, DeliveryRecord::status,
            DeliveryRecord::attempts)
        .containsExactly(
            tuple(spec.id() + "/email/0", Channel.EMAIL, "user0@example.com", DeliveryStatus.PENDING, 0),
            tuple(spec.id() + "/email/1", Channel.EMAIL, "user1@example.com", DeliveryStatus.PENDING, 0),
            tuple(spec.id() + "/email/2", Channel.EMAIL, "user2@example.com", DeliveryStatus.PENDING, 0));
  }

  @Test
  void recordAudienceWhileSendingStoresTheNotificationAsSendingWithItsPendingDeliveries() {
    NotificationSpec spec = notification("receipt-1", 2);

    log.recordAudience(spec, NotificationStatus.SENDING);
    log.recordAudience(spec, NotificationStatus.SENDING);

    assertThat(notifications.findById(spec.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);
    assertThat(deliveries.findByNotification(spec.id(), PAGE)).extracting(DeliveryRecord::status)
        .containsExactly(DeliveryStatus.PENDING, DeliveryStatus.PENDING);
  }

  @Test
  void aListsAudienceStoresEachMembersNumberIdLocaleAndPushTokenAndSkipsRepeatedAddresses() {
    NotificationSpec spec = list("profile-1", List.of(
        new Recipient("u-0", "ada@example.com", "+15550000001", null, "ko-KR", null),
        new Recipient(null, "Ada@Example.com", null, "token-1", "en-GB", null),
        new Recipient("u-2", null, "+15550000001", "token-2", null, null)),
        Channel.SMS, Channel.EMAIL, Channel.PUSH);

    Audience audience = log.recordAudience(spec, NotificationStatus.ACCEPTED);

    assertThat(audience).isEqualTo(new Audience(3, List.of(ChannelCounts.reserved(Channel.SMS, 1),
        ChannelCounts.reserved(Channel.EMAIL, 1), ChannelCounts.reserved(Channel.PUSH, 3))));
    assertThat(stored(jdbc(), spec.id())).containsExactly(
        new StoredDelivery("email/0", Channel.EMAIL, "ada@example.com", 0, "u-0", "ko-KR", null, DeliveryStatus.PENDING),
        new StoredDelivery("push/0", Channel.PUSH, "u-0", 0, "u-0", "ko-KR", null, DeliveryStatus.PENDING),
        new StoredDelivery("push/1", Channel.PUSH, "token-1", 1, null, "en-GB", "token-1", DeliveryStatus.PENDING),
        new StoredDelivery("push/2", Channel.PUSH, "u-2", 2, "u-2", null, "token-2", DeliveryStatus.PENDING),
        new StoredDelivery("sms/0", Channel.SMS, "+15550000001", 0, "u-0", "ko-KR", null, DeliveryStatus.PENDING));
  }

  @Test
  void aListsAudienceRecordedAgainChangesNothingAndAnswersTheSameAudience() {
    NotificationSpec spec = list("profile-2", List.of(
        new Recipient("u-0", "ada@example.com", null, null, "ko-KR", null),
        new Recipient("u-1", "ADA@example.com", null, null, null, null)),
        Channel.EMAIL, Channel.IN_APP);
    Audience first = log.recordAudience(spec, NotificationStatus.ACCEPTED);
    writes.recordOutcome(DeliveryOutcome.sent(deliveryId(spec, Channel.IN_APP, 1), new ProviderReceipt("inbox-1", 1)));
    List<StoredDelivery> before = stored(jdbc(), spec.id());

    Audience repeat = log.recordAudience(spec, NotificationStatus.SENDING);

    assertThat(repeat).isEqualTo(first)
        .isEqualTo(new Audience(2, List.of(ChannelCounts.reserved(Channel.EMAIL, 1),
            ChannelCounts.reserved(Channel.IN_APP, 2))));
    assertThat(stored(jdbc(), spec.id())).isEqualTo(before).hasSize(3);
    assertThat(notifications.findById(spec.id()).orElseThrow().status()).isEqualTo(NotificationStatus.ACCEPTED);
  }

  @Test
  void anOutcomeAndThenTheFinalStatusAreRecordedAndALaterOutcomeNeverOverwritesIt() {
    NotificationSpec spec = notification("receipt-2", 1);
    log.recordAudience(spec, NotificationStatus.SENDING);
    DeliveryOutcome sent = DeliveryOutcome.sent(email(spec, 0), new ProviderReceipt("<m0@herald>", 2));

    writes.recordOutcome(sent);
    log.recordStatus(spec.id(), NotificationStatus.COMPLETED, null);
    writes.recordOutcome(DeliveryOutcome.failed(email(spec, 0),
        new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, "smtp-421", "later", 3)));

    NotificationRecord stored = notifications.findById(spec.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(stored.statusDetail()).isNull();
    assertThat(deliveries.findByNotification(spec.id(), PAGE))
        .extracting(DeliveryRecord::status, DeliveryRecord::attempts, DeliveryRecord::providerMessageId)
        .containsExactly(tuple(DeliveryStatus.SENT, 2, "<m0@herald>"));
  }

  @Test
  void recordAudienceStoresTheScheduledTimeAndTheTemplateVersion() {
    NotificationSpec inline = notification("reminder-1", 1);
    Instant sendAt = Instant.parse("2025-03-02T07:30:00.123456Z");
    NotificationSpec spec = new NotificationSpec(inline.id(), inline.idempotencyKey(), inline.sender(), inline.channels(),
        inline.recipients(), null, Priority.HIGH, sendAt, inline.approval(), inline.acceptedAt(), inline.requestHash(),
        null, null, new TemplateRef("payment-reminder", 3, Map.of()), null, null, null, null);

    log.recordAudience(spec, NotificationStatus.ACCEPTED);

    NotificationRecord stored = notifications.findById(spec.id()).orElseThrow();
    assertThat(stored.sendAt()).isEqualTo(sendAt);
    assertThat(stored.templateKey()).isEqualTo("payment-reminder");
    assertThat(stored.templateVersion()).isEqualTo(3);
    assertThat(stored.priority()).isEqualTo(Priority.HIGH);
    assertThat(stored.subject()).isNull();
    assertThat(stored.groupKey()).isNull();
    assertThat(deliveries.findByNotification(spec.id(), PAGE)).extracting(DeliveryRecord::recipient)
        .containsExactly("user0@example.com");
  }

  @Test
  void recordAudienceRetriedChangesNothing() {
    NotificationSpec spec = notification("invoice-2", 2);
    Audience first = log.recordAudience(spec, NotificationStatus.ACCEPTED);
    log.recordStatus(spec.id(), NotificationStatus.SENDING, null);
    writes.recordOutcome(DeliveryOutcome.sent(email(spec, 0), new ProviderReceipt("<m0@herald>", 1)));

    Audience repeat = log.recordAudience(spec, NotificationStatus.ACCEPTED);

    assertThat(repeat).isEqualTo(first);
    assertThat(notifications.findById(spec.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);
    assertThat(deliveries.findByNotification(spec.id(), PAGE))
        .extracting(DeliveryRecord::status)
        .containsExactly(DeliveryStatus.SENT, DeliveryStatus.PENDING);
  }

  @Test
  void recordAudienceWithNothingToDeliverStoresOnlyTheNotification() {
    NotificationSpec spec = notification("sms-only", DeliveryLogFixtures.ACCEPTED_AT, 2, Channel.SMS, Channel.PUSH);

    Audience audience = log.recordAudience(spec, NotificationStatus.ACCEPTED);

    assertThat(audience).isEqualTo(new Audience(2, List.of(ChannelCounts.none(Channel.SMS),
        ChannelCounts.none(Channel.PUSH))));
    assertThat(notifications.findById(spec.id()).orElseThrow().channels()).isEqualTo("SMS,PUSH");
    assertThat(deliveries.findByNotification(spec.id(), PAGE)).isEmpty();
  }

  @Test
  void recordStatusUpdatesStatusAndDetail() {
    NotificationSpec spec = notification("invoice-3", 1);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);

    log.recordStatus(spec.id(), NotificationStatus.PARTIALLY_FAILED, "1 of 3 failed");

    NotificationRecord stored = notifications.findById(spec.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(NotificationStatus.PARTIALLY_FAILED);
    assertThat(stored.statusDetail()).isEqualTo("1 of 3 failed");
  }

  @Test
  void recordApprovalStoresDecisionCommentApproverAndTime() {
    NotificationSpec spec = notification("broadcast-1", 1);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    Instant decidedAt = Instant.parse("2025-03-01T09:30:15.123456Z");

    log.recordApproval(spec.id(), new ApprovalDecision(Decision.REJECT, "wrong audience", "admin@example.com", decidedAt));

    NotificationRecord stored = notifications.findById(spec.id()).orElseThrow();
    assertThat(stored.approvalDecision()).isEqualTo("REJECT");
    assertThat(stored.approvalComment()).isEqualTo("wrong audience");
    assertThat(stored.approvedBy()).isEqualTo("admin@example.com");
    assertThat(stored.decidedAt()).isEqualTo(decidedAt);
  }

  @Test
  void recordOutcomeMarksSentWithAttemptsAndProviderMessageId() {
    NotificationSpec spec = notification("invoice-4", 1);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    String deliveryId = email(spec, 0);

    writes.recordOutcome(DeliveryOutcome.sent(deliveryId, new ProviderReceipt("<provider-1@herald>", 3)));

    DeliveryRecord stored = deliveries.findById(deliveryId).orElseThrow();
    assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(stored.attempts()).isEqualTo(3);
    assertThat(stored.providerMessageId()).isEqualTo("<provider-1@herald>");
    assertThat(stored.errorCode()).isNull();
    assertThat(stored.lastError()).isNull();
  }

  @Test
  void recordOutcomeMarksFailedWithTheProvidersCode() {
    NotificationSpec spec = notification("invoice-5", 1);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    String deliveryId = email(spec, 0);

    writes.recordOutcome(DeliveryOutcome.failed(deliveryId,
        new DeliveryError(DeliveryErrorType.INVALID_ADDRESS, "smtp-550", "mailbox unknown", 1)));

    DeliveryRecord stored = deliveries.findById(deliveryId).orElseThrow();
    assertThat(stored.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(stored.attempts()).isEqualTo(1);
    assertThat(stored.errorCode()).isEqualTo("smtp-550");
    assertThat(stored.lastError()).isEqualTo("mailbox unknown");
    assertThat(stored.providerMessageId()).isNull();
  }

  @Test
  void recordOutcomeRetriedNeverOverwritesAFinalOutcome() {
    NotificationSpec spec = notification("invoice-6", 1);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    String deliveryId = email(spec, 0);
    writes.recordOutcome(DeliveryOutcome.sent(deliveryId, new ProviderReceipt("<first@herald>", 2)));

    writes.recordOutcome(DeliveryOutcome.sent(deliveryId, new ProviderReceipt("<second@herald>", 5)));
    writes.recordOutcome(DeliveryOutcome.failed(deliveryId,
        new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "timeout", 6)));

    DeliveryRecord stored = deliveries.findById(deliveryId).orElseThrow();
    assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(stored.attempts()).isEqualTo(2);
    assertThat(stored.providerMessageId()).isEqualTo("<first@herald>");
    assertThat(stored.errorCode()).isNull();
  }

  @Test
  void releasePendingCancelsOnlyPendingDeliveriesAndSaysHowMany() {
    NotificationSpec spec = notification("invoice-7", 4);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    writes.recordOutcome(DeliveryOutcome.sent(email(spec, 0), new ProviderReceipt("<sent@herald>", 1)));
    writes.recordOutcome(DeliveryOutcome.failed(email(spec, 1),
        new DeliveryError(DeliveryErrorType.INVALID_ADDRESS, "smtp-550", "mailbox unknown", 1)));
    NotificationSpec other = notification("other-1", 1);
    log.recordAudience(other, NotificationStatus.ACCEPTED);

    int released = log.releasePending(spec.id(), "cancelled by admin");

    assertThat(released).isEqualTo(2);
    assertThat(deliveries.findByNotification(spec.id(), PAGE))
        .extracting(DeliveryRecord::status, DeliveryRecord::lastError)
        .containsExactly(
            tuple(DeliveryStatus.SENT, null),
            tuple(DeliveryStatus.FAILED, "mailbox unknown"),
            tuple(DeliveryStatus.CANCELLED, "cancelled by admin"),
            tuple(DeliveryStatus.CANCELLED, "cancelled by admin"));
    assertThat(deliveries.findByNotification(other.id(), PAGE))
        .extracting(DeliveryRecord::status)
        .containsExactly(DeliveryStatus.PENDING);
    assertThat(log.releasePending(spec.id(), "cancelled again")).isZero();
  }

  /**
   * Member 0: SMS sent, email failed; 1: both failed; 2: SMS delivered, email skipped; 3: SMS
   * skipped, email cancelled (neither reached nor failed); 4: email sent, no phone.
   */
  @Test
  void countReachCountsDeliveriesOrRecipientsReachedAndThoseThatFailedOnly() {
    NotificationSpec spec = list("reach-1", List.of(
        new Recipient("r-0", "r0@example.com", "+15550000010", null, null, null),
        new Recipient("r-1", "r1@example.com", "+15550000011", null, null, null),
        new Recipient("r-2", "r2@example.com", "+15550000012", null, null, null),
        new Recipient("r-3", "r3@example.com", "+15550000013", null, null, null),
        new Recipient("r-4", "r4@example.com", null, null, null, null)),
        Channel.SMS, Channel.EMAIL);
    log.recordAudience(spec, NotificationStatus.SENDING);
    sent(deliveryId(spec, Channel.SMS, 0));
    failed(email(spec, 0));
    failed(deliveryId(spec, Channel.SMS, 1));
    failed(email(spec, 1));
    sent(deliveryId(spec, Channel.SMS, 2));
    log.recordReceipt(new DeliveryReceipt(deliveryId(spec, Channel.SMS, 2), "SM2", DeliveryStatus.DELIVERED,
        "delivered", null));
    writes.recordOutcome(DeliveryOutcome.skipped(email(spec, 2), "fallback not needed: sent by SMS"));
    writes.recordOutcome(DeliveryOutcome.skipped(deliveryId(spec, Channel.SMS, 3), "opted out"));
    sent(email(spec, 4));
    log.releasePending(spec.id(), "cancelled");

    assertThat(log.countReach(spec.id(), false)).isEqualTo(new Reach(3, 3));
    assertThat(log.countReach(spec.id(), true)).isEqualTo(new Reach(3, 1));
    assertThat(log.countReach("notification-no-such", true)).isEqualTo(new Reach(0, 0));
  }

  @Test
  void countAwaitingReceiptsCountsOnlySentDeliveriesOnChannelsWithReceipts() {
    NotificationSpec spec = list("awaiting-1", List.of(
        new Recipient("w-0", "w0@example.com", "+15550000020", null, null, null),
        new Recipient("w-1", "w1@example.com", "+15550000021", null, null, null),
        new Recipient("w-2", "w2@example.com", "+15550000022", null, null, null)),
        Channel.SMS, Channel.VOICE, Channel.EMAIL);
    log.recordAudience(spec, NotificationStatus.SENDING);
    sent(deliveryId(spec, Channel.SMS, 0));
    sent(deliveryId(spec, Channel.VOICE, 0));
    sent(email(spec, 0));
    sent(deliveryId(spec, Channel.SMS, 1));
    log.recordReceipt(new DeliveryReceipt(deliveryId(spec, Channel.SMS, 1), "SM1", DeliveryStatus.DELIVERED,
        "delivered", null));
    failed(deliveryId(spec, Channel.VOICE, 1));
    sent(email(spec, 1));

    assertThat(log.countAwaitingReceipts(spec.id())).as("SMS 0 and voice 0; SMS 2 and voice 2 still pending")
        .isEqualTo(2);
    assertThat(log.countAwaitingReceipts("notification-no-such")).isZero();
  }

  @Test
  void aReceiptThatDeliveredLeavesNoErrorWhileAFailedOneKeepsTheProvidersStatus() {
    NotificationSpec spec = notification("receipts-1", 2);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    sent(email(spec, 0));
    sent(email(spec, 1));

    log.recordReceipt(new DeliveryReceipt(email(spec, 0), "M0", DeliveryStatus.DELIVERED, "delivered", null));
    log.recordReceipt(new DeliveryReceipt(email(spec, 1), "M1", DeliveryStatus.FAILED, "undelivered", "30003"));

    DeliveryRecord delivered = deliveries.findById(email(spec, 0)).orElseThrow();
    DeliveryRecord failed = deliveries.findById(email(spec, 1)).orElseThrow();
    assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(delivered.lastError()).isNull();
    assertThat(delivered.errorCode()).isNull();
    assertThat(failed.lastError()).isEqualTo("provider status: undelivered");
    assertThat(failed.errorCode()).isEqualTo("30003");
  }

  /** Outside the test's transaction, as the activity runs: the refused statement would abort it. */
  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void aNotificationTheLogCannotStoreIsRecordedAloneAsFailedWithTheReason() {
    NotificationSpec fixture = notification("unstorable-1", 2);
    NotificationSpec spec = new NotificationSpec(fixture.id(), fixture.idempotencyKey(), "ops\0", fixture.channels(),
        fixture.recipients(), new Content("a\0b", "body"), fixture.priority(), null, fixture.approval(),
        fixture.acceptedAt(), fixture.requestHash(), fixture.channelMode(), null, null, null, null, null, null);

    Audience audience = log.recordAudience(spec, NotificationStatus.SENDING);
    Audience repeated = log.recordAudience(spec, NotificationStatus.SENDING);

    assertThat(audience.deliveries()).isZero();
    assertThat(audience.refusal()).contains("cannot store", "SQLSTATE 22021").isEqualTo(repeated.refusal());
    NotificationRecord stored = notifications.findById(spec.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(stored.statusDetail()).isEqualTo(audience.refusal());
    assertThat(stored.subject()).isEqualTo("a\uFFFDb");
    assertThat(stored.sender()).isEqualTo("ops\uFFFD");
    assertThat(deliveries.findByNotification(spec.id(), PAGE)).isEmpty();
  }

  private void sent(String deliveryId) {
    writes.recordOutcome(DeliveryOutcome.sent(deliveryId, new ProviderReceipt("provider-" + deliveryId, 1)));
  }

  private void failed(String deliveryId) {
    writes.recordOutcome(DeliveryOutcome.failed(deliveryId,
        new DeliveryError(DeliveryErrorType.INVALID_ADDRESS, "rejected", "unknown address", 1)));
  }

  private JdbcClient jdbc() {
    return JdbcClient.create(template);
  }
}
