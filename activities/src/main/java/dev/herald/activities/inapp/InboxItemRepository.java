package dev.herald.activities.inapp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Recipients' inbox items: written by the in-app channel, read elsewhere through {@link Inbox}. An
 * inbox is a recipient id of one owner (sender): every read names both.
 */
interface InboxItemRepository extends Repository<InboxItem, Long> {

  /**
   * Inserts the item of a delivery and announces it on {@link InboxEvents#CHANNEL}, in one statement
   * (one transaction: the notification goes out at its commit). A delivery already in an inbox
   * inserts and announces nothing: empty.
   */
  @Query("""
      with inserted as (
        insert into inbox_item (owner, recipient_id, notification_id, delivery_id, title, body, preferences_url,
                                attachment_links, image_url, created_at)
        values (:owner, :recipientId, :notificationId, :deliveryId, :title, :body, :preferencesUrl, :attachmentLinks,
                :imageUrl, now())
        on conflict (delivery_id) do nothing
        returning id, recipient_id)
      select inserted.id from inserted, lateral pg_notify('""" + InboxEvents.CHANNEL + "', inserted.recipient_id)")
  Optional<Long> insertAndAnnounce(@Param("owner") String owner, @Param("recipientId") String recipientId,
      @Param("notificationId") String notificationId, @Param("deliveryId") String deliveryId,
      @Param("title") String title, @Param("body") String body, @Param("preferencesUrl") String preferencesUrl,
      @Param("attachmentLinks") String attachmentLinks, @Param("imageUrl") String imageUrl);

  @Query("select id from inbox_item where delivery_id = :deliveryId")
  Optional<Long> findIdByDeliveryId(@Param("deliveryId") String deliveryId);

  @Query("select * from inbox_item where id = :id and owner = :owner and recipient_id = :recipientId")
  Optional<InboxItem> findOne(@Param("id") long id, @Param("owner") String owner,
      @Param("recipientId") String recipientId);

  /** Newest first; before an item (keyset on created_at, id) when {@code beforeId} is not null. */
  @Query("""
      select * from inbox_item i
      where i.owner = :owner and i.recipient_id = :recipientId
        and (not :unreadOnly or i.read_at is null)
        and (cast(:beforeId as bigint) is null or (i.created_at, i.id) <
             (select b.created_at, b.id from inbox_item b
              where b.id = :beforeId and b.owner = :owner and b.recipient_id = :recipientId))
      order by i.created_at desc, i.id desc
      limit :limit""")
  List<InboxItem> findPage(@Param("owner") String owner,
      @Param("recipientId") String recipientId, @Param("unreadOnly") boolean unreadOnly,
      @Param("beforeId") Long beforeId, @Param("limit") int limit);

  @Query("select count(*) from inbox_item where owner = :owner and recipient_id = :recipientId and read_at is null")
  long countUnread(@Param("owner") String owner, @Param("recipientId") String recipientId);

  /** Marks read; an item already read keeps the time it was first read. */
  @Modifying
  @Query("""
      update inbox_item set read_at = coalesce(read_at, :at)
      where id = :id and owner = :owner and recipient_id = :recipientId""")
  int markRead(@Param("id") long id, @Param("owner") String owner,
      @Param("recipientId") String recipientId, @Param("at") Instant at);

  @Modifying
  @Query("update inbox_item set read_at = null where id = :id and owner = :owner and recipient_id = :recipientId")
  int markUnread(@Param("id") long id, @Param("owner") String owner, @Param("recipientId") String recipientId);

  /** Items inserted after {@code afterId}, oldest first: what a stream has not sent yet. */
  @Query("""
      select * from inbox_item
      where owner = :owner and recipient_id = :recipientId and id > :afterId
      order by id
      limit :limit""")
  List<InboxItem> findNewer(@Param("owner") String owner,
      @Param("recipientId") String recipientId, @Param("afterId") long afterId,
      @Param("limit") int limit);

  /** The id a stream starts after to send only what comes next (0 for an empty inbox). */
  @Query("select coalesce(max(id), 0) from inbox_item where owner = :owner and recipient_id = :recipientId")
  long findLatestId(@Param("owner") String owner, @Param("recipientId") String recipientId);

  /**
   * The id to resume after so that at most {@code count} items are replayed: the id just before the
   * {@code count} newest, or 0 when the inbox holds fewer.
   */
  @Query("""
      select coalesce((select id from inbox_item where owner = :owner and recipient_id = :recipientId
                       order by id desc offset :count limit 1), 0)""")
  long findIdBeforeNewest(@Param("owner") String owner,
      @Param("recipientId") String recipientId, @Param("count") int count);

  /** The latest items of every inbox (dev outbox). */
  @Query("select * from inbox_item order by id desc limit :limit")
  List<InboxItem> findLatest(@Param("limit") int limit);
}
