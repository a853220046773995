package dev.herald.activities.delivery;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;

/**
 * What the delivery log tells of notifications, for whoever shows or paces them (the API): one
 * notification with its counts and deliveries, a page of history, and how many are in flight.
 */
@Component
public class NotificationHistory {

  /** One probe of V24's index; plain JDBC, as it is on every request's path. */
  private static final String LATEST_KEY_USE = """
      select id, request_hash, status, updated_at from notification
      where idempotency_key = ? and sender = ? order by created_at desc limit 1""";

  private final NotificationRepository notifications;
  private final DeliveryRepository deliveries;
  private final DeliveryCounts counts;
  private final JdbcOperations jdbc;

  NotificationHistory(NotificationRepository notifications, DeliveryRepository deliveries, DeliveryCounts counts,
      JdbcOperations jdbc) {
    this.notifications = notifications;
    this.deliveries = deliveries;
    this.counts = counts;
    this.jdbc = jdbc;
  }

  /** Empty while the notification is not logged yet (accepted a moment ago) or when there is none. */
  public Optional<LoggedNotification> find(String id) {
    return notifications.findById(id).map(this::logged);
  }

  /** The first {@code limit} deliveries, in audience order: by channel, then member. */
  public List<DeliveryRecord> deliveries(String notificationId, int limit) {
    return deliveries.findByNotification(notificationId, limit);
  }

  /** Why deliveries were skipped: per channel and reason, the most frequent {@code limit} reasons. */
  public List<SkipCount> skipped(String notificationId, int limit) {
    return counts.skipped(notificationId, limit);
  }

  /** Empty while the notification is not logged yet. */
  public Optional<NotificationStatus> status(String id) {
    return notifications.findById(id).map(NotificationRecord::status);
  }

  /** The sender's latest notification under this idempotency key; empty when none is logged (yet). */
  public Optional<KeyUse> latestUse(String sender, String idempotencyKey) {
    return jdbc.query(LATEST_KEY_USE, (row, n) -> new KeyUse(row.getString(1), row.getString(2),
        NotificationStatus.valueOf(row.getString(3)), row.getObject(4, OffsetDateTime.class).toInstant()),
        idempotencyKey, sender).stream().findFirst();
  }

  /** Newest first, {@code limit} from {@code offset}, narrowed by {@code filter}. */
  public List<LoggedNotification> page(HistoryFilter filter, int limit, long offset) {
    return notifications.findHistory(filter.sender(), name(filter.status()), name(filter.channel()),
        name(filter.priority()), filter.template(), filter.recipient(), filter.since(), filter.until(), limit, offset)
        .stream().map(this::logged).toList();
  }

  /** Notifications being accepted or sent (ACCEPTED, SENDING), by all processes together. */
  public int inFlight() {
    return notifications.countInFlight();
  }

  /** Notifications at any of {@code priorities} being accepted or sent, by all processes together. */
  public int inFlight(Set<Priority> priorities) {
    return notifications.countInFlightAt(priorities.stream().map(Enum::name).toList());
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private LoggedNotification logged(NotificationRecord r) {
    List<Channel> channels = Arrays.stream(r.channels().split(",")).map(Channel::valueOf).toList();
    ApprovalDecision approval = r.approvalDecision() == null ? null
        : new ApprovalDecision(Decision.valueOf(r.approvalDecision()), r.approvalComment(), r.approvedBy(),
            r.decidedAt(), r.approvedByKey());
    return new LoggedNotification(r.id(), r.idempotencyKey(), r.status(), r.statusDetail(), r.sender(), channels,
        r.priority(), r.subject(), r.templateKey(), r.templateVersion(), r.groupKey(), r.category(), r.recipientCount(), r.sendAt(),
        r.requestedByKey(), approval, counts.byChannel(r.id(), channels), r.createdAt(), r.updatedAt());
  }
}
