package dev.herald.activities.sending;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.activities.content.NotificationContents;
import dev.herald.activities.deadletter.DeadLetterWrites;
import dev.herald.activities.delivery.DeliveryCounts;
import dev.herald.activities.delivery.DeliveryLogWrites;
import dev.herald.activities.delivery.DeliveryOutcome;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch's view of the delivery log: its pending items, their claims and outcomes, its counts. The
 * claim runs once per group of members ({@link ClaimGroups}), the outcome write once per few messages
 * ({@link OutcomeWrites}), so both go straight to JDBC with positional parameters: through a Spring Data repository method they
 * cost a third more CPU.
 */
@Component
class BatchStore {

  /** The error code a delivery held back for quiet hours shows while it waits. */
  static final String QUIET_HOURS = "quiet-hours";

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /**
   * Takes a group's deliveries still PENDING to send them now (the ids taken); not those no longer
   * PENDING (sent, or released by a cancel meanwhile).
   */
  private static final String CLAIM =
      "update delivery set claimed_at = now() where id = any(?::text[]) and status = 'PENDING' returning id";

  /**
   * The outcomes of claimed sends, as parallel arrays. Also over CANCELLED: a broadcast cancelled while
   * a message was in flight released it, but it went out (or failed) all the same, and the log tells
   * what happened. Its commit does not wait for the WAL flush ({@code set_config} is {@code SET LOCAL}
   * for the statement's own transaction): a worker crash cannot lose a committed row, only a crash of
   * PostgreSQL itself can lose the last few, and one write per message then stays cheap.
   */
  private static final String RECORD_CLAIMED = """
      update delivery d set status = o.status, attempts = o.attempts, provider_message_id = o.provider_message_id,
                            error_code = o.error_code, last_error = o.last_error, updated_at = now()
      from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[])
           as o(id, status, attempts, provider_message_id, error_code, last_error),
           (select set_config('synchronous_commit', 'off', true)) as commit_without_flush
      where d.id = o.id and (d.status = 'PENDING' or (d.status = 'CANCELLED' and d.claimed_at is not null))""";

  private final JdbcClient jdbc;
  private final JdbcOperations perMember;
  private final DeliveryLogWrites writes;
  private final DeliveryCounts counts;
  private final DeadLetterWrites deadLetters;
  private final TransactionTemplate transaction;
  private final NotificationContents contents;

  BatchStore(NamedParameterJdbcOperations jdbc, DeliveryLogWrites writes, DeliveryCounts counts,
      DeadLetterWrites deadLetters, PlatformTransactionManager transactions, NotificationContents contents) {
    this.contents = contents;
    this.jdbc = JdbcClient.create(jdbc);
    this.perMember = jdbc.getJdbcOperations();
    this.writes = writes;
    this.counts = counts;
    this.deadLetters = deadLetters;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * The range's deliveries on the batch's channel, whatever their status, with their members (the
   * notification's sender's recipients, as stored now), by number.
   */
  private static final String RANGE = """
      select d.id, d.status, d.recipient_seq, d.recipient, d.recipient_id, d.push_token, r.name,
             coalesce(d.locale, r.locale) as locale, r.time_zone, r.email, r.phone, r.slack,
             r.attributes::text as attributes, %s as claimed
      from delivery d left join recipient r on r.owner = :sender and r.external_id = d.recipient_id %s
      where d.notification_id = :notificationId and d.channel = :channel
        and d.recipient_seq >= :fromSeq and d.recipient_seq < :toSeq
      order by d.recipient_seq""";

  /** {@link #RANGE} that also claims every PENDING delivery of it (the query sees them as before the claim). */
  private static final String CLAIM_RANGE = """
      with claimed as (
        update delivery set claimed_at = now()
        where notification_id = :notificationId and channel = :channel
          and recipient_seq >= :fromSeq and recipient_seq < :toSeq and status = 'PENDING'
        returning id)
      """ + RANGE.formatted("c.id is not null", "left join claimed c on c.id = d.id");

  /**
   * The range's deliveries (every status) with their members, by number; with {@code claimAll} its
   * PENDING ones are claimed in the same statement (a range no larger than one claim group).
   */
  List<BatchItem> load(BatchRequest batch, boolean claimAll) {
    return jdbc.sql(claimAll ? CLAIM_RANGE : RANGE.formatted("false", ""))
        .param("notificationId", batch.notificationId()).param("channel", batch.channel().name())
        .param("fromSeq", batch.fromSeq()).param("toSeq", batch.toSeq()).param("sender", batch.sender())
        .query(BatchStore::item).list();
  }

  /**
   * Members of the range already reached on one of {@code batch.reachedBy()}: seq -> channel. Reached is
   * SENT or DELIVERED (FALLBACK), or with {@code batch.acknowledged()} acknowledged (ESCALATE): DELIVERED
   * by a receipt, or an in-app item read.
   */
  Map<Integer, Channel> reached(BatchRequest batch) {
    Map<Integer, Channel> reached = new HashMap<>();
    if (batch.reachedBy() == null || batch.reachedBy().isEmpty()) {
      return reached;
    }
    jdbc.sql(batch.acknowledged() ? ACKNOWLEDGED : REACHED)
        .param("notificationId", batch.notificationId())
        .param("channels", batch.reachedBy().stream().map(Channel::name).toList())
        .param("fromSeq", batch.fromSeq()).param("toSeq", batch.toSeq())
        .query(row -> {
          reached.putIfAbsent(row.getInt("recipient_seq"), Channel.valueOf(row.getString("channel")));
        });
    return reached;
  }

  private static final String REACHED = """
      select recipient_seq, channel from delivery
      where notification_id = :notificationId and channel in (:channels)
        and recipient_seq >= :fromSeq and recipient_seq < :toSeq and status in ('SENT', 'DELIVERED')""";

  private static final String ACKNOWLEDGED = """
      select d.recipient_seq, d.channel from delivery d left join inbox_item i on i.delivery_id = d.id
      where d.notification_id = :notificationId and d.channel in (:channels)
        and d.recipient_seq >= :fromSeq and d.recipient_seq < :toSeq
        and (d.status = 'DELIVERED' or i.read_at is not null)""";


  /** A skip decided without sending. */
  void record(DeliveryOutcome outcome) {
    writes.recordOutcome(outcome);
  }

  /**
   * The outcomes of claimed sends, even where the notification was cancelled while they were in flight.
   * Failures for good become dead letters in the same transaction.
   */
  void recordSends(List<DeliveryOutcome> outcomes) {
    List<DeliveryOutcome> failed = outcomes.stream().filter(o -> o.status() == DeliveryStatus.FAILED).toList();
    if (failed.isEmpty()) {
      if (!outcomes.isEmpty()) {
        perMember.update(RECORD_CLAIMED, outcomeColumns(outcomes));
      }
      return;
    }
    transaction.executeWithoutResult(status -> {
      Set<String> written = new HashSet<>(perMember.queryForList(RECORD_CLAIMED + " returning d.id", String.class,
          outcomeColumns(outcomes)));
      List<DeliveryOutcome> now = failed.stream().filter(o -> written.contains(o.deliveryId())).toList();
      deadLetters.lastAttempts(now.stream().map(DeliveryOutcome::deliveryId).toList(),
          now.stream().map(DeliveryOutcome::attempts).toList(), now.stream().map(DeliveryOutcome::errorCode).toList(),
          now.stream().map(DeliveryOutcome::lastError).toList());
      deadLetters.deliveriesFailed(now.stream().map(DeliveryOutcome::deliveryId).toList());
    });
  }

  /** The batch with what its notification sends, read once when it carries only the key to it. */
  BatchRequest withContent(BatchRequest batch) {
    return contents.inline(batch);
  }

  /** What the batch's notification sends, kept for re-drives before its first delivery is dead-lettered. */
  void keepForRedrive(BatchRequest batch) {
    deadLetters.keepContent(batch);
  }

  /** Takes deliveries still PENDING to send them now; answers the ids taken. */
  Set<String> claim(List<String> deliveryIds) {
    if (deliveryIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(perMember.queryForList(CLAIM, String.class, (Object) deliveryIds.toArray(String[]::new)));
  }

  /** The array parameters of {@link #RECORD_CLAIMED}, in order: one column of the outcomes each. */
  private static Object[] outcomeColumns(List<DeliveryOutcome> outcomes) {
    int n = outcomes.size();
    String[] ids = new String[n];
    String[] statuses = new String[n];
    Integer[] attempts = new Integer[n];
    String[] providerIds = new String[n];
    String[] errorCodes = new String[n];
    String[] errors = new String[n];
    for (int i = 0; i < n; i++) {
      DeliveryOutcome outcome = outcomes.get(i);
      ids[i] = outcome.deliveryId();
      statuses[i] = outcome.status().name();
      attempts[i] = outcome.attempts();
      providerIds[i] = outcome.providerMessageId();
      errorCodes[i] = outcome.errorCode();
      errors[i] = outcome.lastError();
    }
    return new Object[] {ids, statuses, attempts, providerIds, errorCodes, errors};
  }

  /**
   * Holds a claimed delivery back for its recipient's quiet hours: it stays PENDING with the time it may
   * go, which the notification waits for (DeliveryLogActivities#quietWait), and says so.
   */
  void hold(String deliveryId, Instant until) {
    jdbc.sql("""
            update delivery set not_before = :until, error_code = :code, last_error = :why, updated_at = now()
            where id = :id and status = 'PENDING'""")
        .param("until", Timestamp.from(until)).param("code", QUIET_HOURS)
        .param("why", "quiet hours: held until " + until).param("id", deliveryId).update();
  }

  /** A transient failure: stays PENDING for the batch's next attempt, with this attempt's error (kept with its attempts). */
  void recordRetry(String deliveryId, DeliveryError error) {
    DeliveryOutcome failed = DeliveryOutcome.failed(deliveryId, error);
    deadLetters.retried(deliveryId, error, failed.errorCode(), failed.lastError());
  }

  ChannelCounts counts(BatchRequest batch) {
    return counts.range(batch.notificationId(), batch.channel(), batch.fromSeq(), batch.toSeq());
  }

  private static BatchItem item(ResultSet row, int rowNumber) throws SQLException {
    return new BatchItem(row.getString("id"), DeliveryStatus.valueOf(row.getString("status")), row.getBoolean("claimed"),
        row.getInt("recipient_seq"), row.getString("recipient"),
        row.getString("recipient_id"), row.getString("push_token"), row.getString("name"), row.getString("locale"),
        row.getString("time_zone"), row.getString("email"), row.getString("phone"), row.getString("slack"),
        attributes(row.getString("attributes")));
  }

  private static Map<String, Object> attributes(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored recipient attributes are unreadable", e);
    }
  }
}
