package dev.herald.activities.delivery;

import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryOutcome;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.PlannedDelivery;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes the delivery log in PostgreSQL. Every write is idempotent, as Temporal may retry it. */
@Component
public class DeliveryLogActivitiesImpl implements DeliveryLogActivities {

  private final NotificationRepository notifications;
  private final DeliveryRepository deliveries;
  private final DeliveryReservations reservations;

  public DeliveryLogActivitiesImpl(NotificationRepository notifications, DeliveryRepository deliveries,
      DeliveryReservations reservations) {
    this.notifications = notifications;
    this.deliveries = deliveries;
    this.reservations = reservations;
  }

  @Override
  @Transactional
  public void recordAccepted(NotificationSpec spec, List<PlannedDelivery> planned) {
    String channels = spec.channels().stream().map(Channel::name).collect(Collectors.joining(","));
    String subject = spec.content() == null ? null : spec.content().subject();
    var template = spec.template();
    notifications.insertAccepted(spec.id(), spec.idempotencyKey(), spec.sender(), channels, spec.priority().name(),
        subject, spec.recipients().size(), spec.sendAt(), template == null ? null : template.key(),
        template == null ? null : template.version(), spec.acceptedAt());
    reservations.reserve(planned);
  }

  @Override
  public void recordStatus(String notificationId, NotificationStatus status, String detail) {
    notifications.updateStatus(notificationId, status.name(), detail);
  }

  @Override
  public void recordApproval(String notificationId, ApprovalDecision decision) {
    notifications.updateApproval(notificationId, decision.decision().name(), decision.comment(),
        decision.decidedBy(), decision.decidedAt());
  }

  @Override
  public void recordDelivery(DeliveryOutcome outcome) {
    deliveries.recordOutcome(outcome.deliveryId(), outcome.status().name(), outcome.attempts(),
        outcome.providerMessageId(), outcome.errorCode(), outcome.lastError());
  }

  @Override
  public void recordReceipt(DeliveryReceipt receipt) {
    String detail = receipt.providerStatus() == null ? null : "provider status: " + receipt.providerStatus();
    deliveries.recordReceipt(receipt.deliveryId(), receipt.status().name(), receipt.providerMessageId(),
        receipt.errorCode(), detail);
  }

  @Override
  public int releasePending(String notificationId, String reason) {
    return deliveries.cancelPending(notificationId, reason);
  }
}
