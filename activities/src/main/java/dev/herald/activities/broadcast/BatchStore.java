package dev.herald.activities.broadcast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.activities.delivery.DeliveryCounts;
import dev.herald.activities.delivery.DeliveryRepository;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A batch's view of the delivery log: its pending items, their claims and outcomes, its counts. The
 * claim and outcome statements run once per member, so they go straight to JDBC with positional
 * parameters: through a Spring Data repository method they cost a third more CPU per member.
 */
@Component
class BatchStore {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** Takes a PENDING delivery to send it now; 0 rows when it is no longer PENDING (sent, or cancelled meanwhile). */
  private static final String CLAIM = "update delivery set claimed_at = now() where id = ? and status = 'PENDING'";

  /**
   * The outcome of a claimed send. Also over CANCELLED: a broadcast cancelled while this message was in
   * flight released it, but it went out (or failed) all the same, and the log tells what happened.
   */
  private static final String RECORD_CLAIMED = """
      update delivery set status = ?, attempts = ?, provider_message_id = ?, error_code = ?, last_error = ?,
                          updated_at = now()
      where id = ? and (status = 'PENDING' or (status = 'CANCELLED' and claimed_at is not null))""";

  /** {@link #RECORD_CLAIMED} of one delivery, then {@link #CLAIM} of the next, in one statement. */
  private static final String RECORD_CLAIMED_AND_CLAIM = "with recorded as (" + RECORD_CLAIMED + ") " + CLAIM;

  private final JdbcClient jdbc;
  private final JdbcOperations perMember;
  private final DeliveryRepository deliveries;
  private final DeliveryCounts counts;

  BatchStore(NamedParameterJdbcOperations jdbc, DeliveryRepository deliveries, DeliveryCounts counts) {
    this.jdbc = JdbcClient.create(jdbc);
    this.perMember = jdbc.getJdbcOperations();
    this.deliveries = deliveries;
    this.counts = counts;
  }

  /** The range's deliveries still PENDING on the batch's channel, with their members, by number. */
  List<BatchItem> pending(BatchRequest batch) {
    return jdbc.sql("""
            select d.id, d.recipient_seq, d.recipient, d.recipient_id, r.name, r.locale, r.time_zone, r.email,
                   r.phone, r.attributes::text as attributes
            from delivery d left join recipient r on r.external_id = d.recipient_id
            where d.notification_id = :notificationId and d.channel = :channel
              and d.recipient_seq >= :fromSeq and d.recipient_seq < :toSeq and d.status = 'PENDING'
            order by d.recipient_seq""")
        .param("notificationId", batch.notificationId()).param("channel", batch.channel().name())
        .param("fromSeq", batch.fromSeq()).param("toSeq", batch.toSeq())
        .query(BatchStore::item).list();
  }

  /** Members of the range already reached (SENT or DELIVERED) on one of {@code batch.reachedBy()}: seq -> channel. */
  Map<Integer, Channel> reached(BatchRequest batch) {
    Map<Integer, Channel> reached = new HashMap<>();
    if (batch.reachedBy() == null || batch.reachedBy().isEmpty()) {
      return reached;
    }
    jdbc.sql("""
            select recipient_seq, channel from delivery
            where notification_id = :notificationId and channel in (:channels)
              and recipient_seq >= :fromSeq and recipient_seq < :toSeq and status in ('SENT', 'DELIVERED')""")
        .param("notificationId", batch.notificationId())
        .param("channels", batch.reachedBy().stream().map(Channel::name).toList())
        .param("fromSeq", batch.fromSeq()).param("toSeq", batch.toSeq())
        .query(row -> {
          reached.putIfAbsent(row.getInt("recipient_seq"), Channel.valueOf(row.getString("channel")));
        });
    return reached;
  }

  /** False when the delivery is no longer PENDING: the broadcast was cancelled, or it was recorded meanwhile. */
  boolean claim(String deliveryId) {
    return perMember.update(CLAIM, deliveryId) == 1;
  }

  /** A skip decided without sending. */
  void record(DeliveryOutcome outcome) {
    deliveries.recordOutcome(outcome.deliveryId(), outcome.status().name(), outcome.attempts(),
        outcome.providerMessageId(), outcome.errorCode(), outcome.lastError());
  }

  /** The outcome of a claimed send, even when the broadcast was cancelled while it was in flight. */
  void recordSend(DeliveryOutcome outcome) {
    perMember.update(RECORD_CLAIMED, outcomeParameters(outcome));
  }

  /**
   * {@link #recordSend} of {@code outcome} (when there is one) and {@link #claim} of {@code nextDeliveryId},
   * in one statement: the outcome is as durable before the next send as with two.
   */
  boolean recordSendAndClaim(DeliveryOutcome outcome, String nextDeliveryId) {
    if (outcome == null) {
      return claim(nextDeliveryId);
    }
    Object[] recordThenClaim = Arrays.copyOf(outcomeParameters(outcome), 7);
    recordThenClaim[6] = nextDeliveryId;
    return perMember.update(RECORD_CLAIMED_AND_CLAIM, recordThenClaim) == 1;
  }

  /** The parameters of {@link #RECORD_CLAIMED}, in order. */
  private static Object[] outcomeParameters(DeliveryOutcome outcome) {
    return new Object[] {outcome.status().name(), outcome.attempts(), outcome.providerMessageId(), outcome.errorCode(),
        outcome.lastError(), outcome.deliveryId()};
  }

  /** A transient failure: stays PENDING for the batch's next attempt, with this attempt's error. */
  void recordRetry(String deliveryId, DeliveryError error) {
    DeliveryOutcome failed = DeliveryOutcome.failed(deliveryId, error);
    deliveries.recordRetry(deliveryId, failed.attempts(), failed.errorCode(), failed.lastError());
  }

  ChannelCounts counts(BatchRequest batch) {
    return counts.range(batch.notificationId(), batch.channel(), batch.fromSeq(), batch.toSeq());
  }

  private static BatchItem item(ResultSet row, int rowNumber) throws SQLException {
    return new BatchItem(row.getString("id"), row.getInt("recipient_seq"), row.getString("recipient"),
        row.getString("recipient_id"), row.getString("name"), row.getString("locale"), row.getString("time_zone"),
        row.getString("email"), row.getString("phone"), attributes(row.getString("attributes")));
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
