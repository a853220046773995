package dev.herald.api.notification;

import dev.herald.activities.delivery.DeliveryRecord;
import dev.herald.activities.delivery.DeliveryCounts;
import dev.herald.activities.delivery.DeliveryRepository;
import dev.herald.activities.delivery.NotificationRecord;
import dev.herald.activities.delivery.NotificationRepository;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Status and history from the delivery log (PostgreSQL). A notification accepted a moment ago may
 * not be logged yet; its workflow then vouches that it exists.
 */
@Service
public class NotificationReader {

  /** Deliveries listed in a detail view; counts always cover all of them. */
  static final int MAX_DELIVERIES_SHOWN = 1000;

  private final NotificationRepository notifications;
  private final DeliveryRepository deliveries;
  private final DeliveryCounts counts;
  private final WorkflowClient client;

  NotificationReader(NotificationRepository notifications, DeliveryRepository deliveries, DeliveryCounts counts,
      WorkflowClient client) {
    this.notifications = notifications;
    this.deliveries = deliveries;
    this.counts = counts;
    this.client = client;
  }

  public Optional<NotificationView> find(String id) {
    Optional<NotificationRecord> record = notifications.findById(id);
    if (record.isPresent()) {
      List<DeliveryRecord> first = deliveries.findByNotification(id, MAX_DELIVERIES_SHOWN);
      List<NotificationView.Delivery> shown = first.stream().map(NotificationReader::toView).toList();
      return Optional.of(toView(record.get(), shown));
    }
    return workflowExists(id) ? Optional.of(justAccepted(id)) : Optional.empty();
  }

  public NotificationStatus status(String id) {
    return notifications.findById(id).map(NotificationRecord::status).orElse(NotificationStatus.ACCEPTED);
  }

  public NotificationPage history(NotificationStatus status, Channel channel, Instant since, Instant until, int page,
      int size) {
    List<NotificationRecord> rows = notifications.findHistory(status == null ? null : status.name(),
        channel == null ? null : channel.name(), since, until, size + 1, (long) page * size);
    boolean hasNext = rows.size() > size;
    List<NotificationView> items = rows.stream().limit(size).map(r -> toView(r, null)).toList();
    return new NotificationPage(items, page, size, hasNext);
  }

  boolean workflowExists(String id) {
    try {
      client.newUntypedWorkflowStub(id).describe();
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }

  private NotificationView toView(NotificationRecord r, List<NotificationView.Delivery> shown) {
    List<Channel> channels = Arrays.stream(r.channels().split(",")).map(Channel::valueOf).toList();
    var approval = r.approvalDecision() == null ? null
        : new NotificationView.Approval(r.approvalDecision(), r.approvalComment(), r.approvedBy(), r.decidedAt());
    var template = r.templateKey() == null ? null : new NotificationView.Template(r.templateKey(), r.templateVersion());
    return new NotificationView(r.id(), r.idempotencyKey(), r.status(), r.statusDetail(), r.sender(), channels,
        r.priority(), r.subject(), template, r.groupKey(), r.recipientCount(), r.sendAt(), approval,
        total(counts.byChannel(r.id(), channels)), shown, r.createdAt(), r.updatedAt());
  }

  private static NotificationView justAccepted(String id) {
    return new NotificationView(id, null, NotificationStatus.ACCEPTED, "being recorded", null, List.of(), null, null,
        null, null, 0, null, null, total(List.of()), List.of(), null, null);
  }

  private static NotificationView.Delivery toView(DeliveryRecord d) {
    return new NotificationView.Delivery(d.id(), d.channel(), d.recipient(), d.status(), d.attempts(),
        d.providerMessageId(), d.errorCode(), d.lastError(), d.updatedAt());
  }

  /** The overall counts: the sum over channels. */
  static NotificationView.Counts total(List<ChannelCounts> channels) {
    ChannelCounts all = channels.stream().reduce(ChannelCounts.none(null), ChannelCounts::plus);
    return new NotificationView.Counts(all.total(), all.pending(), all.sent(), all.delivered(), all.failed(),
        all.skipped(), all.cancelled(), channels);
  }
}
