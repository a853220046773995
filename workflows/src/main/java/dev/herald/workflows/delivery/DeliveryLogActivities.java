package dev.herald.workflows.delivery;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.DeliveryOutcome;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.PlannedDelivery;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The durable record of notifications and their deliveries (history, search, status after the
 * workflow is gone). Every method is idempotent, so Temporal may retry it freely.
 */
@ActivityInterface
public interface DeliveryLogActivities {

  /** Records the notification and reserves one PENDING delivery per planned message. */
  void recordAccepted(NotificationSpec spec, List<PlannedDelivery> deliveries);

  void recordStatus(String notificationId, NotificationStatus status, String detail);

  void recordApproval(String notificationId, ApprovalDecision decision);

  void recordDelivery(DeliveryOutcome outcome);

  /** A later report on a sent delivery; only moves a delivery forward (SENT -> DELIVERED or FAILED). */
  void recordReceipt(DeliveryReceipt receipt);

  /** Compensation: marks the deliveries still PENDING as CANCELLED; returns how many. */
  int releasePending(String notificationId, String reason);
}
