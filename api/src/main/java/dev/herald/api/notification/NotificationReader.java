package dev.herald.api.notification;

import dev.herald.activities.delivery.DeliveryRecord;
import dev.herald.activities.delivery.HistoryFilter;
import dev.herald.activities.delivery.LoggedNotification;
import dev.herald.activities.delivery.NotificationHistory;
import dev.herald.api.security.Caller;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Instant;
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
  public static final int MAX_DELIVERIES_SHOWN = 1000;

  private final NotificationHistory history;
  private final WorkflowClient client;

  NotificationReader(NotificationHistory history, WorkflowClient client) {
    this.history = history;
    this.client = client;
  }

  public Optional<NotificationView> find(String id) {
    Optional<LoggedNotification> logged = history.find(id);
    if (logged.isPresent()) {
      List<DeliveryRecord> first = history.deliveries(id, MAX_DELIVERIES_SHOWN);
      List<NotificationView.Delivery> shown = first.stream().map(NotificationReader::toView).toList();
      return Optional.of(toView(logged.get(), shown));
    }
    return workflowExists(id) ? Optional.of(justAccepted(id)) : Optional.empty();
  }

  public NotificationStatus status(String id) {
    return history.status(id).orElse(NotificationStatus.ACCEPTED);
  }

  /** The notification without its deliveries: status and counts, for watching its progress. */
  public Optional<NotificationView> summary(String id) {
    Optional<LoggedNotification> logged = history.find(id);
    if (logged.isPresent()) {
      return Optional.of(toView(logged.get(), null));
    }
    return workflowExists(id) ? Optional.of(justAccepted(id)) : Optional.empty();
  }

  /** A page of one sender's notifications, or of all when {@code sender} is null. */
  public NotificationPage history(String sender, NotificationStatus status, Channel channel, Instant since,
      Instant until, int page, int size) {
    return history(new HistoryFilter(status, channel, null, sender, null, null, since, until), page, size);
  }

  /** A page of history narrowed to what {@code caller} may see ({@link NotificationAccess#visible}). */
  public NotificationPage history(HistoryFilter filter, Caller caller, int page, int size) {
    return NotificationAccess.visible(filter, caller).map(visible -> history(visible, page, size))
        .orElseGet(() -> new NotificationPage(List.of(), page, size, false));
  }

  private NotificationPage history(HistoryFilter filter, int page, int size) {
    List<LoggedNotification> rows = history.page(filter, size + 1, (long) page * size);
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

  private static NotificationView toView(LoggedNotification n, List<NotificationView.Delivery> shown) {
    var approval = n.approval() == null ? null : new NotificationView.Approval(n.approval().decision().name(),
        n.approval().comment(), n.approval().decidedBy(), n.approval().decidedByKey(), n.approval().decidedAt());
    var template = n.templateKey() == null ? null : new NotificationView.Template(n.templateKey(), n.templateVersion());
    return new NotificationView(n.id(), n.idempotencyKey(), n.status(), n.statusDetail(), n.sender(),
        n.requestedByKey(), n.channels(),
        n.priority(), n.subject(), template, n.groupKey(), n.category(), n.recipientCount(), n.sendAt(), approval, total(n.counts()),
        shown, n.createdAt(), n.updatedAt());
  }

  private static NotificationView justAccepted(String id) {
    return new NotificationView(id, null, NotificationStatus.ACCEPTED, "being recorded", null, null, List.of(), null, null,
        null, null, null, 0, null, null, total(List.of()), List.of(), null, null);
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
