package dev.herald.workflows.delivery;

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

  /**
   * {@link #recordAccepted} for a notification that sends at once (no approval, no {@code sendAt} to
   * wait for): it goes into the log as SENDING, one write where accepting and then sending took two.
   */
  void recordAcceptedSending(NotificationSpec spec, List<PlannedDelivery> deliveries);

  /**
   * Records a group notification and fixes its audience: the group's members now, numbered in
   * recipient-id order, with one PENDING delivery per member and channel where the member has an
   * address (an address shared by several members gets one delivery, the first member's). A repeat
   * changes nothing and answers the same audience.
   */
  Audience recordBroadcastAccepted(NotificationSpec spec);

  /** A batch given up on (its retries ran out): its deliveries still PENDING become FAILED with {@code error}. */
  ChannelCounts failBatch(BatchRequest batch, DeliveryError error);

  /** The notification's deliveries counted by channel and status, in the delivery log's truth. */
  List<ChannelCounts> countDeliveries(String notificationId);

  void recordStatus(String notificationId, NotificationStatus status, String detail);

  /**
   * {@link #recordDelivery} of a notification's last delivery and {@link #recordStatus} of its final
   * status in one write: the end of a notification with one delivery, as {@link #recordAcceptedSending}
   * is its start.
   */
  void recordFinished(String notificationId, NotificationStatus status, String detail, DeliveryOutcome lastDelivery);

  void recordApproval(String notificationId, ApprovalDecision decision);

  void recordDelivery(DeliveryOutcome outcome);

  /** A later report on a sent delivery; only moves a delivery forward (SENT -> DELIVERED or FAILED). */
  void recordReceipt(DeliveryReceipt receipt);

  /** Compensation: marks the deliveries still PENDING as CANCELLED; returns how many. */
  int releasePending(String notificationId, String reason);
}
