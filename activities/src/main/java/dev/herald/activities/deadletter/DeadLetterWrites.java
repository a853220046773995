package dev.herald.activities.deadletter;

import dev.herald.activities.content.NotificationContents;
import dev.herald.activities.events.DeliveryEvents;
import dev.herald.activities.events.DeliveryEventType;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.NotificationStatus;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where dead letters come from: a delivery that failed for good ({@link #deliveriesFailed}), a request
 * event refused at the door ({@link #eventRefused}); and what a re-drive and an admin need of them
 * later (every failed attempt, what the notification sends). Deliveries are dead-lettered in the transaction that
 * writes them FAILED, so the two never disagree.
 */
@Component
public class DeadLetterWrites {

  private static final List<String> FINAL_STATUSES = Arrays.stream(NotificationStatus.values())
      .filter(NotificationStatus::isFinal).map(Enum::name).toList();

  /** A dead letter of each delivery still FAILED (again OPEN when it was being re-driven). */
  private static final String FAILED = """
      insert into dead_letter (kind, status, sender, channel, notification_id, delivery_id, recipient, error_code, error,
                               created_at, updated_at)
      select 'DELIVERY', 'OPEN', n.sender, d.channel, d.notification_id, d.id, d.recipient, d.error_code, d.last_error,
             now(), now()
      from delivery d join notification n on n.id = d.notification_id
      where d.id = any(:ids) and d.status = 'FAILED'
      on conflict (delivery_id) do update set status = 'OPEN', error_code = excluded.error_code, error = excluded.error,
                                              outcome = null, created_at = now(), updated_at = now()
      returning delivery_id""";

  private final JdbcClient jdbc;
  private final DeliveryEvents events;
  private final NotificationContents contents;

  DeadLetterWrites(NamedParameterJdbcOperations jdbc, DeliveryEvents events, NotificationContents contents) {
    this.jdbc = JdbcClient.create(jdbc);
    this.events = events;
    this.contents = contents;
  }

  /**
   * The one place a delivery becomes a dead letter: {@code deliveryIds} were just written FAILED for good
   * (a permanent error, or retries exhausted), in the caller's transaction. Ids no longer FAILED are left out.
   */
  public void deliveriesFailed(List<String> deliveryIds) {
    if (!deliveryIds.isEmpty()) {
      List<String> lettered = jdbc.sql(FAILED).param("ids", deliveryIds.toArray(String[]::new)).query(String.class).list();
      events.record(DeliveryEventType.DEAD_LETTERED, lettered);
    }
  }

  /**
   * The one place a request event becomes a dead letter: where it came from, its bytes as they came and
   * why it was refused; a repeat (the same topic, partition and offset) changes nothing.
   */
  public void eventRefused(String topic, int partition, long offset, byte[] key, byte[] value, String code,
      String reason) {
    jdbc.sql("""
            insert into dead_letter (kind, status, topic, kafka_partition, kafka_offset, event_key, event_value,
                                     error_code, error, created_at, updated_at)
            values ('EVENT', 'OPEN', :topic, :partition, :offset, :key, :value, :code, :reason, now(), now())
            on conflict (topic, kafka_partition, kafka_offset) do nothing""")
        .param("topic", topic).param("partition", partition).param("offset", offset).param("key", key)
        .param("value", value).param("code", code).param("reason", reason).update();
  }

  /** The permanent errors that ended deliveries, kept after their earlier attempts. */
  public void lastAttempts(List<String> deliveryIds, List<Integer> attempts, List<String> errorCodes,
      List<String> messages) {
    if (!deliveryIds.isEmpty()) {
      jdbc.sql("""
              insert into delivery_attempt (delivery_id, attempt, error_code, message, at)
              select a.id, a.attempt, a.code, a.message, now()
              from unnest(:ids, :attempts, :codes, :messages) as a(id, attempt, code, message)""")
          .param("ids", deliveryIds.toArray(String[]::new)).param("attempts", attempts.toArray(Integer[]::new))
          .param("codes", errorCodes.toArray(String[]::new)).param("messages", messages.toArray(String[]::new))
          .update();
    }
  }

  /**
   * Why a batch gave its deliveries up: kept as their last attempt unless it is their last attempt's own
   * error already (retries ran out); a timeout or deliveries left pending are not.
   */
  public void batchEnded(List<String> deliveryIds, DeliveryError error, String errorCode, String message) {
    if (!deliveryIds.isEmpty()) {
      jdbc.sql("""
              insert into delivery_attempt (delivery_id, attempt, error_type, error_code, message, at)
              select d.id, d.attempts, cast(:type as text), cast(:code as text), cast(:message as text), now() from delivery d
              where d.id = any(:ids) and not exists (
                select 1 from delivery_attempt a where a.id = (
                  select max(l.id) from delivery_attempt l where l.delivery_id = d.id)
                  and a.error_code is not distinct from :code and a.message is not distinct from :message)""")
          .param("ids", deliveryIds.toArray(String[]::new)).param("type", error.type().name())
          .param("code", errorCode).param("message", message).update();
    }
  }

  /** A transient failure: the delivery stays PENDING with this attempt's error, which its attempts keep too. */
  public void retried(String deliveryId, DeliveryError error, String errorCode, String message) {
    jdbc.sql("""
            with retried as (
              update delivery set attempts = :attempt, error_code = :code, last_error = :message, updated_at = now()
              where id = :id and status = 'PENDING' returning id)
            insert into delivery_attempt (delivery_id, attempt, error_type, error_code, message, at)
            select id, :attempt, cast(:type as text), cast(:code as text), cast(:message as text), now() from retried""")
        .param("id", deliveryId).param("attempt", error.attempt()).param("type", error.type().name())
        .param("code", errorCode).param("message", message).update();
  }

  /**
   * What a notification sends, dropped once nothing can re-drive it any more: the notification is final and none
   * of its dead letters is open or being re-driven. A later failure (a re-drive failing again) keeps it anew.
   */
  public void releaseContent(String notificationId) {
    jdbc.sql("delete from notification_content c using notification n where c.notification_id = :id "
            + "and n.id = c.notification_id and n.status in (:final) and " + nothingToRedrive("n.id"))
        .param("id", notificationId).param("final", FINAL_STATUSES).update();
  }

  /** SQL: none of the dead letters of the notification {@code notificationId} (an SQL expression) can be re-driven. */
  public static String nothingToRedrive(String notificationId) {
    return "not exists (select 1 from dead_letter l where l.notification_id = " + notificationId
        + " and l.status in ('OPEN', 'REDRIVING'))";
  }

  /**
   * What the batch's notification sends, kept (once) before its first delivery is dead-lettered: already kept
   * by the door for a notification whose batches carry its key ({@link NotificationContents}).
   */
  public void keepContent(BatchRequest batch) {
    contents.keepForRedrive(batch);
  }
}
