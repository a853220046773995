package dev.herald.activities.deadletter;

import dev.herald.activities.content.KeptContent;
import dev.herald.activities.content.NotificationContents;
import dev.herald.activities.events.DeliveryEvents;
import dev.herald.activities.events.DeliveryEventType;
import dev.herald.workflows.deadletter.DeadLetterActivities;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeadLetterStatus;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.RedriveOutcome;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A re-drive's steps in the delivery log: reopen the delivery, then settle the dead letter by its outcome. */
@Component
public class DeadLetterActivitiesImpl implements DeadLetterActivities {

  /**
   * The dead letter, its delivery and what the notification sends (kept by the door under its request hash, or by
   * its first failure when its batches carried it inline), locked for the re-drive's decision.
   */
  private static final String LETTER = """
      select l.status as letter, d.status, d.provider_message_id, d.notification_id, d.channel, d.recipient_seq,
             d.error_code, d.last_error, c.sender, c.content, c.request_hash
      from dead_letter l join delivery d on d.id = l.delivery_id join notification n on n.id = d.notification_id
           left join notification_content c on c.notification_id = d.notification_id
             and c.request_hash in (coalesce(n.request_hash, ''), '')
      where l.delivery_id = :id for update of l, d""";

  private record Letter(DeadLetterStatus letter, DeliveryStatus status, String providerMessageId, String notificationId,
      Channel channel, int seq, String errorCode, String lastError, String sender, String content, String contentKey) {}

  private final JdbcClient jdbc;
  private final DeliveryEvents events;
  private final DeadLetterWrites writes;

  DeadLetterActivitiesImpl(NamedParameterJdbcOperations jdbc, DeliveryEvents events, DeadLetterWrites writes) {
    this.jdbc = JdbcClient.create(jdbc);
    this.events = events;
    this.writes = writes;
  }

  @Override
  @Transactional
  public BatchRequest reopenDeadLetter(String deliveryId) {
    Optional<Letter> found = letter(deliveryId);
    if (found.isEmpty() || found.get().letter() != DeadLetterStatus.REDRIVING || found.get().content() == null) {
      return null;
    }
    Letter letter = found.get();
    if (letter.status() == DeliveryStatus.FAILED && letter.providerMessageId() == null) {
      int reopened = jdbc.sql("""
              update delivery set status = 'PENDING', claimed_at = null, not_before = null, updated_at = now()
              where id = :id and status = 'FAILED' and provider_message_id is null""")
          .param("id", deliveryId).update();
      if (reopened > 0) {
        events.record(DeliveryEventType.REDRIVEN, deliveryId);
      }
    } else if (letter.status() != DeliveryStatus.PENDING) {
      return null;
    }
    // by its key, read by the batch: the re-drive's history does not carry the content either
    KeptContent content = NotificationContents.read(letter.content());
    return new BatchRequest(letter.notificationId(), letter.sender(), letter.channel(), letter.seq(), letter.seq() + 1,
        null, null, List.of(), content.category(), content.priority(), null, false, letter.contentKey());
  }

  @Override
  @Transactional
  public RedriveOutcome settleDeadLetter(String deliveryId) {
    Letter letter = letter(deliveryId).orElseThrow(() -> new IllegalStateException("no dead letter of " + deliveryId));
    if (letter.letter() != DeadLetterStatus.REDRIVING) {
      // failed again (dead-lettered anew, OPEN), or settled by an earlier try of this step
      return new RedriveOutcome(deliveryId, letter.status(), letter.letter(), letter.lastError());
    }
    String detail = switch (letter.status()) {
      case FAILED -> letter.providerMessageId() != null
          ? "not sent again: the provider accepted it (message id " + letter.providerMessageId() + ")"
          : letter.content() == null ? "not sent: what the notification sends was not kept" : letter.lastError();
      case SKIPPED -> "skipped: " + letter.errorCode();
      default -> letter.status().name();
    };
    boolean sentNothing = letter.status() == DeliveryStatus.FAILED && letter.providerMessageId() == null;
    DeadLetterStatus settled = sentNothing ? DeadLetterStatus.OPEN : DeadLetterStatus.REDRIVEN;
    jdbc.sql("update dead_letter set status = :status, outcome = :outcome, updated_at = now() where delivery_id = :id")
        .param("status", settled.name()).param("outcome", detail).param("id", deliveryId).update();
    if (letter.status() == DeliveryStatus.SENT || letter.status() == DeliveryStatus.DELIVERED) {
      reached(letter.notificationId());
    }
    if (settled == DeadLetterStatus.REDRIVEN) {
      writes.releaseContent(letter.notificationId());
    }
    return new RedriveOutcome(deliveryId, letter.status(), settled, detail);
  }

  /**
   * A finished notification that had failures reads as reached now: COMPLETED when no delivery is FAILED
   * any more, else at least PARTIALLY_FAILED. One still running is left to its workflow.
   */
  private void reached(String notificationId) {
    jdbc.sql("""
            update notification n
            set status = case when exists (select 1 from delivery d where d.notification_id = n.id and d.status = 'FAILED')
                              then 'PARTIALLY_FAILED' else 'COMPLETED' end,
                status_detail = 'after a re-drive of dead letters', updated_at = now()
            where n.id = :id and n.status in ('FAILED', 'PARTIALLY_FAILED')""")
        .param("id", notificationId).update();
  }

  private Optional<Letter> letter(String deliveryId) {
    return jdbc.sql(LETTER).param("id", deliveryId).query((row, n) -> new Letter(
        DeadLetterStatus.valueOf(row.getString("letter")), DeliveryStatus.valueOf(row.getString("status")),
        row.getString("provider_message_id"), row.getString("notification_id"), Channel.valueOf(row.getString("channel")),
        row.getInt("recipient_seq"), row.getString("error_code"), row.getString("last_error"), row.getString("sender"),
        row.getString("content"), row.getString("request_hash"))).optional();
  }
}
