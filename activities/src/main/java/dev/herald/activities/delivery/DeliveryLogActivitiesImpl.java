package dev.herald.activities.delivery;

import dev.herald.activities.content.NotificationContents;
import dev.herald.activities.deadletter.DeadLetterWrites;
import dev.herald.workflows.audience.AudienceRules;
import dev.herald.workflows.audience.PlannedDelivery;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.delivery.DeliveryLogActivities;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes the delivery log in PostgreSQL. Every write is idempotent, as Temporal may retry it. */
@Component
public class DeliveryLogActivitiesImpl implements DeliveryLogActivities {

  private static final Logger log = LoggerFactory.getLogger(DeliveryLogActivitiesImpl.class);

  private final NotificationRepository notifications;
  private final DeliveryRepository deliveries;
  private final DeliveryLogWrites writes;
  private final GroupAudiences groups;
  private final DeliveryCounts counts;
  private final DeadLetterWrites deadLetters;
  private final NotificationContents contents;

  public DeliveryLogActivitiesImpl(NotificationRepository notifications, DeliveryRepository deliveries,
      DeliveryLogWrites writes, GroupAudiences groups, DeliveryCounts counts, DeadLetterWrites deadLetters,
      NotificationContents contents) {
    this.contents = contents;
    this.notifications = notifications;
    this.deliveries = deliveries;
    this.writes = writes;
    this.groups = groups;
    this.counts = counts;
    this.deadLetters = deadLetters;
  }

  /**
   * A list's audience follows from the request: it is planned here and written with the
   * notification in one statement (no transaction needed), and a repeat answers the same. A group's
   * is {@link GroupAudiences#record}.
   */
  @Override
  public Audience recordAudience(NotificationSpec asked, NotificationStatus status) {
    // the log keeps the subject of inline content, which a spec by key does not carry
    NotificationSpec spec = asked.template() == null ? contents.inline(asked) : asked;
    try {
      return spec.isBroadcast() ? groups.record(spec, status) : recordList(spec, status);
    } catch (DataIntegrityViolationException refused) {
      String reason = "the delivery log cannot store this notification: " + StorageRefusals.describe(refused);
      log.warn("notification {}: {}", spec.id(), reason);
      writes.refuse(spec, reason);
      return Audience.refused(reason);
    }
  }

  private Audience recordList(NotificationSpec spec, NotificationStatus status) {
    List<PlannedDelivery> planned = AudienceRules.ofList(spec.id(), spec.channels(), spec.recipients());
    writes.accept(spec, planned, status);
    return new Audience(spec.recipients().size(), spec.channels().stream()
        .map(channel -> ChannelCounts.reserved(channel,
            (int) planned.stream().filter(delivery -> delivery.channel() == channel).count()))
        .toList());
  }

  /** Its deliveries written FAILED become dead letters in the same transaction. */
  @Override
  @Transactional
  public ChannelCounts failBatch(BatchRequest batch, DeliveryError error) {
    DeliveryOutcome failed = DeliveryOutcome.failed("", error);
    deadLetters.keepContent(batch);
    List<String> ids = deliveries.failRange(batch.notificationId(), batch.channel().name(), batch.fromSeq(),
        batch.toSeq(), failed.attempts(), failed.errorCode(), failed.lastError());
    deadLetters.batchEnded(ids, error, failed.errorCode(), failed.lastError());
    deadLetters.deliveriesFailed(ids);
    return counts.range(batch.notificationId(), batch.channel(), batch.fromSeq(), batch.toSeq());
  }

  @Override
  public List<ChannelCounts> countDeliveries(String notificationId) {
    return counts.byChannel(notificationId);
  }

  @Override
  public Reach countReach(String notificationId, boolean byRecipient) {
    return counts.reach(notificationId, byRecipient);
  }

  @Override
  public int countAwaitingReceipts(String notificationId) {
    List<String> withReceipts = Channels.all().stream().filter(c -> c.receipts()).map(c -> c.channel().name()).toList();
    return counts.sent(notificationId, withReceipts);
  }

  @Override
  public void recordStatus(String notificationId, NotificationStatus status, String detail) {
    writes.updateStatus(notificationId, status, detail);
  }

  @Override
  public void recordApproval(String notificationId, ApprovalDecision decision) {
    notifications.updateApproval(notificationId, decision.decision().name(), decision.comment(),
        decision.decidedBy(), decision.decidedByKey(), decision.decidedAt());
  }

  @Override
  public void recordReceipt(DeliveryReceipt receipt) {
    String detail = receipt.providerStatus() == null ? null : "provider status: " + receipt.providerStatus();
    int moved = deliveries.recordReceipt(receipt.deliveryId(), receipt.status().name(), receipt.providerMessageId(),
        receipt.errorCode(), detail);
    if (moved == 0 && receipt.providerMessageId() != null) {
      deliveries.recordLateAcceptance(receipt.deliveryId(), receipt.providerMessageId());
    }
  }

  @Override
  public int countUnacknowledged(String notificationId, List<Channel> channels) {
    return counts.unacknowledged(notificationId, channels);
  }

  @Override
  public QuietWait quietWait(String notificationId, int batchSize) {
    return counts.quietWait(notificationId, batchSize);
  }

  @Override
  public int releasePending(String notificationId, String reason) {
    return deliveries.cancelPending(notificationId, reason);
  }
}
