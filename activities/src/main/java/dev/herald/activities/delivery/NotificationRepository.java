package dev.herald.activities.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The notification table of the delivery log; read from outside this package through {@link NotificationHistory}. */
interface NotificationRepository extends ListCrudRepository<NotificationRecord, String> {

  @Modifying
  @Query("""
      update notification set approval_decision = :decision, approval_comment = :comment,
                              approved_by = :by, approved_by_key = :byKey, decided_at = :at, updated_at = now()
      where id = :id""")
  int updateApproval(@Param("id") String id, @Param("decision") String decision, @Param("comment") String comment,
      @Param("by") String decidedBy, @Param("byKey") String decidedByKey, @Param("at") Instant decidedAt);

  /**
   * History, newest first; every filter is optional (null). A recipient is matched by address or id
   * among the deliveries (V18's indexes), once for the query: a hashed subplan, not a scan per notification.
   */
  @Query("""
      select * from notification
      where (cast(:sender as text) is null or sender = :sender)
        and (cast(:status as text) is null or status = :status)
        and (cast(:channel as text) is null or (',' || channels || ',') like ('%,' || :channel || ',%'))
        and (cast(:priority as text) is null or priority = :priority)
        and (cast(:template as text) is null or template_key = :template)
        and (cast(:recipient as text) is null or id in (
              select notification_id from delivery where recipient = :recipient or recipient_id = :recipient))
        and (cast(:since as timestamptz) is null or created_at >= :since)
        and (cast(:until as timestamptz) is null or created_at < :until)
      order by created_at desc, id
      limit :limit offset :offset""")
  List<NotificationRecord> findHistory(@Param("sender") String sender, @Param("status") String status,
      @Param("channel") String channel, @Param("priority") String priority, @Param("template") String template,
      @Param("recipient") String recipient, @Param("since") Instant since, @Param("until") Instant until,
      @Param("limit") int limit, @Param("offset") long offset);

  @Query("select count(*) from notification where status in ('ACCEPTED', 'SENDING')")
  int countInFlight();

  @Query("select count(*) from notification where status in ('ACCEPTED', 'SENDING') and priority in (:priorities)")
  int countInFlightAt(@Param("priorities") Collection<String> priorities);
}
