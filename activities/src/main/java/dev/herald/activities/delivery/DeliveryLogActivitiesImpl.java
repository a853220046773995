package dev.herald.activities.delivery;

import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryOutcome;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.PlannedDelivery;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Writes the delivery log in PostgreSQL. Every write is idempotent, as Temporal may retry it. */
@Component
public class DeliveryLogActivitiesImpl implements DeliveryLogActivities {

  private final NotificationRepository notifications;
  private final DeliveryRepository deliveries;
  private final DeliveryLogWrites writes;
  private final BroadcastAudiences audiences;
  private final DeliveryCounts counts;

  public DeliveryLogActivitiesImpl(NotificationRepository notifications, DeliveryRepository deliveries,
      DeliveryLogWrites writes, BroadcastAudiences audiences, DeliveryCounts counts) {
    this.notifications = notifications;
    this.deliveries = deliveries;
    this.writes = writes;
    this.audiences = audiences;
    this.counts = counts;
  }

  @Override
  public void recordAccepted(NotificationSpec spec, List<PlannedDelivery> planned) {
    writes.accept(spec, planned, NotificationStatus.ACCEPTED);
  }

  @Override
  public void recordAcceptedSending(NotificationSpec spec, List<PlannedDelivery> planned) {
    writes.accept(spec, planned, NotificationStatus.SENDING);
  }

  /**
   * One REPEATABLE READ transaction: every channel's snapshot sees the same members. Only the first
   * call snapshots (the notification row and its deliveries commit together); a repeat reads back.
   */
  @Override
  @Transactional(isolation = Isolation.REPEATABLE_READ)
  public Audience recordBroadcastAccepted(NotificationSpec spec) {
    Optional<Long> group = audiences.groupId(spec.group());
    int members = group.map(audiences::members).orElse(0);
    if (writes.insertNotification(spec, members) == 1 && members > 0) {
      spec.channels().forEach(channel -> audiences.reserve(spec.id(), group.get(), channel));
    }
    List<ChannelCounts> stored = counts.byChannel(spec.id());
    return new Audience(audiences.storedRecipientCount(spec.id()),
        stored.stream().map(c -> ChannelCounts.reserved(c.channel(), c.total())).toList());
  }

  @Override
  @Transactional
  public ChannelCounts failBatch(BatchRequest batch, DeliveryError error) {
    DeliveryOutcome failed = DeliveryOutcome.failed("", error);
    deliveries.failRange(batch.notificationId(), batch.channel().name(), batch.fromSeq(), batch.toSeq(),
        failed.attempts(), failed.errorCode(), failed.lastError());
    return counts.range(batch.notificationId(), batch.channel(), batch.fromSeq(), batch.toSeq());
  }

  @Override
  public List<ChannelCounts> countDeliveries(String notificationId) {
    return counts.byChannel(notificationId);
  }

  @Override
  public void recordStatus(String notificationId, NotificationStatus status, String detail) {
    writes.updateStatus(notificationId, status.name(), detail);
  }

  @Override
  public void recordFinished(String notificationId, NotificationStatus status, String detail,
      DeliveryOutcome lastDelivery) {
    writes.recordOutcomeAndStatus(lastDelivery, notificationId, status.name(), detail);
  }

  @Override
  public void recordApproval(String notificationId, ApprovalDecision decision) {
    notifications.updateApproval(notificationId, decision.decision().name(), decision.comment(),
        decision.decidedBy(), decision.decidedAt());
  }

  @Override
  public void recordDelivery(DeliveryOutcome outcome) {
    writes.recordOutcome(outcome);
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
