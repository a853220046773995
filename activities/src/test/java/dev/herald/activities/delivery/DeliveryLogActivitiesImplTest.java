package dev.herald.activities.delivery;

import static dev.herald.activities.delivery.DeliveryLogFixtures.emailDeliveries;
import static dev.herald.activities.delivery.DeliveryLogFixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryOutcome;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.PlannedDelivery;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.ProviderReceipt;
import dev.herald.workflows.messages.TemplateRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

/** The delivery log activity against PostgreSQL; each test runs in a transaction rolled back after it. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class DeliveryLogActivitiesImplTest {

  private static final int PAGE = 100;

  @Autowired DeliveryLogActivitiesImpl log;
  @Autowired NotificationRepository notifications;
  @Autowired DeliveryRepository deliveries;

  @Test
  void recordAcceptedStoresTheNotificationAndOnePendingDeliveryPerPlannedMessage() {
    NotificationSpec spec = notification("invoice-1", 3);

    log.recordAccepted(spec, emailDeliveries(spec));

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
  void recordAcceptedSendingStoresTheNotificationAsSendingWithItsPendingDeliveries() {
    NotificationSpec spec = notification("receipt-1", 2);

    log.recordAcceptedSending(spec, emailDeliveries(spec));
    log.recordAcceptedSending(spec, emailDeliveries(spec));

    assertThat(notifications.findById(spec.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);
    assertThat(deliveries.findByNotification(spec.id(), PAGE)).extracting(DeliveryRecord::status)
        .containsExactly(DeliveryStatus.PENDING, DeliveryStatus.PENDING);
  }

  @Test
  void recordFinishedRecordsTheLastOutcomeAndTheFinalStatusAndNeverOverwritesAnOutcome() {
    NotificationSpec spec = notification("receipt-2", 1);
    log.recordAcceptedSending(spec, emailDeliveries(spec));
    DeliveryOutcome sent = DeliveryOutcome.sent(spec.id() + "/email/0", new ProviderReceipt("<m0@herald>", 2));

    log.recordFinished(spec.id(), NotificationStatus.COMPLETED, null, sent);
    log.recordFinished(spec.id(), NotificationStatus.COMPLETED, null, DeliveryOutcome.failed(spec.id() + "/email/0",
        new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, "smtp-421", "later", 3)));

    NotificationRecord stored = notifications.findById(spec.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(stored.statusDetail()).isNull();
    assertThat(deliveries.findByNotification(spec.id(), PAGE))
        .extracting(DeliveryRecord::status, DeliveryRecord::attempts, DeliveryRecord::providerMessageId)
        .containsExactly(tuple(DeliveryStatus.SENT, 2, "<m0@herald>"));
  }

  @Test
  void recordAcceptedStoresTheScheduledTimeAndTheTemplateVersion() {
    NotificationSpec inline = notification("reminder-1", 1);
    Instant sendAt = Instant.parse("2025-03-02T07:30:00.123456Z");
    NotificationSpec spec = new NotificationSpec(inline.id(), inline.idempotencyKey(), inline.sender(), inline.channels(),
        inline.recipients(), null, Priority.HIGH, sendAt, inline.approval(), inline.acceptedAt(), inline.requestHash(),
        null, null, new TemplateRef("payment-reminder", 3, Map.of()), null, null);

    log.recordAccepted(spec, emailDeliveries(spec));

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
  void recordAcceptedRetriedChangesNothing() {
    NotificationSpec spec = notification("invoice-2", 2);
    log.recordAccepted(spec, emailDeliveries(spec));
    log.recordStatus(spec.id(), NotificationStatus.SENDING, null);
    log.recordDelivery(DeliveryOutcome.sent(spec.id() + "/email/0", new ProviderReceipt("<m0@herald>", 1)));

    assertThatCode(() -> log.recordAccepted(spec, emailDeliveries(spec))).doesNotThrowAnyException();

    assertThat(notifications.findById(spec.id()).orElseThrow().status()).isEqualTo(NotificationStatus.SENDING);
    assertThat(deliveries.findByNotification(spec.id(), PAGE))
        .extracting(DeliveryRecord::status)
        .containsExactly(DeliveryStatus.SENT, DeliveryStatus.PENDING);
  }

  @Test
  void recordAcceptedWithNothingToDeliverStoresOnlyTheNotification() {
    NotificationSpec spec = notification("sms-only", DeliveryLogFixtures.ACCEPTED_AT, 2, Channel.SMS, Channel.PUSH);

    log.recordAccepted(spec, List.of());

    assertThat(notifications.findById(spec.id()).orElseThrow().channels()).isEqualTo("SMS,PUSH");
    assertThat(deliveries.findByNotification(spec.id(), PAGE)).isEmpty();
  }

  @Test
  void recordStatusUpdatesStatusAndDetail() {
    NotificationSpec spec = notification("invoice-3", 1);
    log.recordAccepted(spec, emailDeliveries(spec));

    log.recordStatus(spec.id(), NotificationStatus.PARTIALLY_FAILED, "1 of 3 failed");

    NotificationRecord stored = notifications.findById(spec.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(NotificationStatus.PARTIALLY_FAILED);
    assertThat(stored.statusDetail()).isEqualTo("1 of 3 failed");
  }

  @Test
  void recordApprovalStoresDecisionCommentApproverAndTime() {
    NotificationSpec spec = notification("broadcast-1", 1);
    log.recordAccepted(spec, emailDeliveries(spec));
    Instant decidedAt = Instant.parse("2025-03-01T09:30:15.123456Z");

    log.recordApproval(spec.id(), new ApprovalDecision(Decision.REJECT, "wrong audience", "admin@example.com", decidedAt));

    NotificationRecord stored = notifications.findById(spec.id()).orElseThrow();
    assertThat(stored.approvalDecision()).isEqualTo("REJECT");
    assertThat(stored.approvalComment()).isEqualTo("wrong audience");
    assertThat(stored.approvedBy()).isEqualTo("admin@example.com");
    assertThat(stored.decidedAt()).isEqualTo(decidedAt);
  }

  @Test
  void recordDeliveryMarksSentWithAttemptsAndProviderMessageId() {
    NotificationSpec spec = notification("invoice-4", 1);
    log.recordAccepted(spec, emailDeliveries(spec));
    String deliveryId = spec.id() + "/email/0";

    log.recordDelivery(DeliveryOutcome.sent(deliveryId, new ProviderReceipt("<provider-1@herald>", 3)));

    DeliveryRecord stored = deliveries.findById(deliveryId).orElseThrow();
    assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(stored.attempts()).isEqualTo(3);
    assertThat(stored.providerMessageId()).isEqualTo("<provider-1@herald>");
    assertThat(stored.errorCode()).isNull();
    assertThat(stored.lastError()).isNull();
  }

  @Test
  void recordDeliveryMarksFailedWithTheProvidersCode() {
    NotificationSpec spec = notification("invoice-5", 1);
    log.recordAccepted(spec, emailDeliveries(spec));
    String deliveryId = spec.id() + "/email/0";

    log.recordDelivery(DeliveryOutcome.failed(deliveryId,
        new DeliveryError(DeliveryErrorType.INVALID_ADDRESS, "smtp-550", "mailbox unknown", 1)));

    DeliveryRecord stored = deliveries.findById(deliveryId).orElseThrow();
    assertThat(stored.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(stored.attempts()).isEqualTo(1);
    assertThat(stored.errorCode()).isEqualTo("smtp-550");
    assertThat(stored.lastError()).isEqualTo("mailbox unknown");
    assertThat(stored.providerMessageId()).isNull();
  }

  @Test
  void recordDeliveryRetriedNeverOverwritesAFinalOutcome() {
    NotificationSpec spec = notification("invoice-6", 1);
    log.recordAccepted(spec, emailDeliveries(spec));
    String deliveryId = spec.id() + "/email/0";
    log.recordDelivery(DeliveryOutcome.sent(deliveryId, new ProviderReceipt("<first@herald>", 2)));

    log.recordDelivery(DeliveryOutcome.sent(deliveryId, new ProviderReceipt("<second@herald>", 5)));
    log.recordDelivery(DeliveryOutcome.failed(deliveryId,
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
    List<PlannedDelivery> planned = emailDeliveries(spec);
    log.recordAccepted(spec, planned);
    log.recordDelivery(DeliveryOutcome.sent(planned.get(0).id(), new ProviderReceipt("<sent@herald>", 1)));
    log.recordDelivery(DeliveryOutcome.failed(planned.get(1).id(),
        new DeliveryError(DeliveryErrorType.INVALID_ADDRESS, "smtp-550", "mailbox unknown", 1)));
    NotificationSpec other = notification("other-1", 1);
    log.recordAccepted(other, emailDeliveries(other));

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
}
