package dev.herald.workflows.delivery;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.QuietWait;
import dev.herald.workflows.messages.Reach;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The durable record of notifications and their deliveries (history, search, status after the
 * workflow is gone). Every method is idempotent, so Temporal may retry it freely.
 */
@ActivityInterface
public interface DeliveryLogActivities {

  /**
   * Records the notification in {@code status} and fixes its audience (the request's recipients, or
   * the group's members now, in recipient-id order) with one PENDING delivery per member and channel
   * by {@code AudienceRules}. A repeat changes nothing and answers the same audience. A notification
   * the log cannot store (a value it refuses) is recorded alone, FAILED with the reason, and the
   * answer is {@link Audience#refused}: it never stays unrecorded.
   */
  Audience recordAudience(NotificationSpec spec, NotificationStatus status);

  /** A batch given up on (its retries ran out): its deliveries still PENDING become FAILED with {@code error}. */
  ChannelCounts failBatch(BatchRequest batch, DeliveryError error);

  /** The notification's deliveries counted by channel and status, in the delivery log's truth. */
  List<ChannelCounts> countDeliveries(String notificationId);

  /** Its units that reached their recipient and those that did not ({@link Reach}), by the log. */
  Reach countReach(String notificationId, boolean byRecipient);

  /** Deliveries sent on a channel with receipts whose receipt has not come yet. */
  int countAwaitingReceipts(String notificationId);

  void recordStatus(String notificationId, NotificationStatus status, String detail);

  void recordApproval(String notificationId, ApprovalDecision decision);

  /** A provider's later report on a sent delivery; only moves a delivery forward (SENT -> DELIVERED or FAILED). */
  void recordReceipt(DeliveryReceipt receipt);

  /**
   * How many of its members acknowledged none of {@code channels}: no delivery on them DELIVERED by a
   * receipt, and no in-app item of it read (ESCALATE waits for this to reach 0).
   */
  int countUnacknowledged(String notificationId, List<Channel> channels);

  /** Its PENDING deliveries held back by quiet hours, with the earliest time one may go and their batches. */
  QuietWait quietWait(String notificationId, int batchSize);

  /** Compensation: marks the deliveries still PENDING as CANCELLED; returns how many. */
  int releasePending(String notificationId, String reason);
}
