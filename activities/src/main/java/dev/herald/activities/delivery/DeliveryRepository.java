package dev.herald.activities.delivery;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface DeliveryRepository extends ListCrudRepository<DeliveryRecord, String> {

  /** In audience order: by channel, then member number (a range of V8's delivery_batch index, no sort). */
  @Query(value = "select * from delivery where notification_id = :notificationId order by channel, recipient_seq limit :limit",
      rowMapperClass = DeliveryRows.class)
  List<DeliveryRecord> findByNotification(@Param("notificationId") String notificationId, @Param("limit") int limit);

  @Query("select status, count(*) as count from delivery where notification_id = :notificationId group by status")
  List<StatusCount> countByStatus(@Param("notificationId") String notificationId);

  /**
   * A receipt moves a delivery forward only: PENDING/SENT to SENT, DELIVERED or FAILED, never back. Only
   * a failure keeps an error: a delivery that reached its recipient has none.
   */
  @Modifying
  @Query("""
      update delivery set status = :status,
                          provider_message_id = coalesce(provider_message_id, :providerMessageId),
                          error_code = case when :status = 'FAILED' then coalesce(:errorCode, error_code) end,
                          last_error = case when :status = 'FAILED' then coalesce(:detail, last_error) end,
                          updated_at = now()
      where id = :id and status in ('PENDING', 'SENT') and (:status <> 'SENT' or status = 'PENDING')""")
  int recordReceipt(@Param("id") String id, @Param("status") String status,
      @Param("providerMessageId") String providerMessageId, @Param("errorCode") String errorCode,
      @Param("detail") String detail);

  /**
   * A receipt for a delivery recorded FAILED without a provider message id: the provider accepted it after
   * all (its answer was lost). The id is kept, so a re-drive of its dead letter never sends it again.
   */
  @Modifying
  @Query("""
      update delivery set provider_message_id = :providerMessageId, updated_at = now()
      where id = :id and status = 'FAILED' and provider_message_id is null""")
  int recordLateAcceptance(@Param("id") String id, @Param("providerMessageId") String providerMessageId);

  @Modifying
  @Query("""
      update delivery set status = 'CANCELLED', last_error = :reason, updated_at = now()
      where notification_id = :notificationId and status = 'PENDING'""")
  int cancelPending(@Param("notificationId") String notificationId, @Param("reason") String reason);

  /** One member's deliveries still PENDING, not sent on purpose (its event went into a digest): SKIPPED with the code. */
  @Modifying
  @Query("""
      update delivery set status = 'SKIPPED', error_code = :errorCode, last_error = :lastError, updated_at = now()
      where notification_id = :notificationId and recipient_seq = :seq and status = 'PENDING'""")
  int skipMember(@Param("notificationId") String notificationId, @Param("seq") int seq,
      @Param("errorCode") String errorCode, @Param("lastError") String lastError);

  /** A broadcast batch given up on: its range's PENDING deliveries on the channel become FAILED; answers their ids. */
  @Query("""
      update delivery set status = 'FAILED', attempts = greatest(attempts, :attempts), error_code = :errorCode,
                          last_error = :lastError, updated_at = now()
      where notification_id = :notificationId and channel = :channel
        and recipient_seq >= :fromSeq and recipient_seq < :toSeq and status = 'PENDING'
      returning id""")
  List<String> failRange(@Param("notificationId") String notificationId, @Param("channel") String channel,
      @Param("fromSeq") int fromSeq, @Param("toSeq") int toSeq, @Param("attempts") int attempts,
      @Param("errorCode") String errorCode, @Param("lastError") String lastError);
}
