package dev.herald.activities.attachment;

import dev.herald.activities.deadletter.DeadLetterWrites;
import dev.herald.workflows.messages.NotificationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The attachment and attachment_reference tables; read from outside this package through {@link Attachments}. */
@Repository
class AttachmentRepository {

  private static final String COLUMNS =
      "id, sender, filename, content_type, size, sha256, status, created_at, expires_at, deleted_at";
  private static final List<String> FINAL = Arrays.stream(NotificationStatus.values()).filter(NotificationStatus::isFinal)
      .map(Enum::name).toList();

  private final JdbcClient jdbc;

  AttachmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertUploading(UUID id, String sender, String filename, String contentType, Instant at, Instant expires) {
    jdbc.sql("""
            insert into attachment (id, sender, filename, content_type, status, created_at, expires_at)
            values (:id, :sender, :filename, :type, 'UPLOADING', :at, :expires)""")
        .param("id", id).param("sender", sender).param("filename", filename).param("type", contentType)
        .param("at", Timestamp.from(at)).param("expires", Timestamp.from(expires)).update();
  }

  void stored(UUID id, long size, String sha256) {
    jdbc.sql("update attachment set status = 'STORED', size = :size, sha256 = :sha where id = :id and status = 'UPLOADING'")
        .param("id", id).param("size", size).param("sha", sha256).update();
  }

  void deleteUploading(UUID id) {
    jdbc.sql("delete from attachment where id = :id and status = 'UPLOADING'").param("id", id).update();
  }

  Optional<Attachment> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from attachment where id = :id").param("id", id)
        .query(AttachmentRepository::row).optional();
  }

  /** The row, locked until the transaction ends. */
  Optional<Attachment> lock(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from attachment where id = :id for update").param("id", id)
        .query(AttachmentRepository::row).optional();
  }

  /**
   * Whether a notification that is not final references it, or a final one with dead letters that can still be
   * re-driven (which mails it again), or one not yet in the delivery log that referenced it
   * after {@code orphanedBefore} (it may still start; one whose start failed for good stops counting then).
   */
  boolean inUse(UUID id, Instant orphanedBefore) {
    return jdbc.sql("""
            select exists (select 1 from attachment_reference r left join notification n on n.id = r.notification_id
                           where r.attachment_id = :id and r.released_at is null
                             and (n.status not in (:final) or (n.status is null and r.referenced_at > :orphaned)
                                  or not\s""" + DeadLetterWrites.nothingToRedrive("n.id") + "))")
        .param("id", id).param("final", FINAL).param("orphaned", Timestamp.from(orphanedBefore))
        .query(Boolean.class).single();
  }

  void markGone(UUID id, AttachmentStatus status, Instant at) {
    jdbc.sql("update attachment set status = :status, deleted_at = :at, expires_at = null where id = :id")
        .param("id", id).param("status", status.name()).param("at", Timestamp.from(at)).update();
  }

  /** The attachments of these ids (any status), in no particular order; unknown ids have none. */
  List<Attachment> findAll(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from attachment where id in (:ids)").param("ids", ids)
        .query(AttachmentRepository::row).list();
  }

  /** The attachments the notification references in this role (any status, also once released), in the order it named them. */
  List<Attachment> ofNotification(String notificationId, ReferenceRole role) {
    return jdbc.sql("select " + prefixed("a") + " from attachment_reference r join attachment a on a.id = r.attachment_id "
            + "where r.notification_id = :notification and r.role = :role order by r.position, a.id")
        .param("notification", notificationId).param("role", role.name()).query(AttachmentRepository::row).list();
  }

  /**
   * References the attachments by the notification in this role (once each, numbered in the order given); they no
   * longer expire. Answers those it referenced now (not those it already did).
   */
  List<UUID> reference(List<UUID> ids, ReferenceRole role, String notificationId, Instant at) {
    List<UUID> added = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      jdbc.sql("""
              insert into attachment_reference (attachment_id, notification_id, role, position, referenced_at)
              values (:id, :notification, :role, :position, :at) on conflict do nothing returning attachment_id""")
          .param("id", ids.get(i)).param("notification", notificationId).param("role", role.name())
          .param("position", i).param("at", Timestamp.from(at))
          .query(UUID.class).optional().ifPresent(added::add);
    }
    jdbc.sql("update attachment set expires_at = null where id in (:ids) and status = 'STORED'").param("ids", ids)
        .update();
    return added;
  }

  /**
   * Releases the notification's references (they stay, marked, for its history); those of its attachments no other
   * notification holds expire at {@code expires}.
   */
  void release(String notificationId, Instant expires) {
    expireUnreferenced(jdbc.sql("update attachment_reference set released_at = now() where notification_id = :notification "
            + "and released_at is null returning attachment_id")
        .param("notification", notificationId).query(UUID.class).list(), expires);
  }

  /**
   * Drops the notification's references in this role to these attachments alone (a request that did not become the
   * notification referenced them); those no other notification holds expire at {@code expires}.
   */
  void release(String notificationId, ReferenceRole role, Collection<UUID> ids, Instant expires) {
    if (ids.isEmpty()) {
      return;
    }
    expireUnreferenced(jdbc.sql("delete from attachment_reference where notification_id = :notification "
            + "and role = :role and attachment_id in (:ids) returning attachment_id")
        .param("notification", notificationId).param("role", role.name()).param("ids", ids).query(UUID.class).list(),
        expires);
  }

  /**
   * The attachments' bytes are kept at least until {@code until} (a link to them works that long): their expiry, once
   * released, is no earlier. Rows already kept to within {@code slack} of it are left alone, so the batches of one
   * broadcast write each row once in a while, not once each.
   */
  void keepUntil(Collection<UUID> ids, Instant until, Duration slack) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("""
            update attachment set linked_until = :until,
                                  expires_at = case when expires_at is null then null else greatest(expires_at, :until) end
            where id in (:ids) and (linked_until is null or linked_until < :sooner)""")
        .param("ids", ids).param("until", Timestamp.from(until)).param("sooner", Timestamp.from(until.minus(slack)))
        .update();
  }

  /**
   * Releases the references of every notification that is final and that nothing can re-drive any more (none of its
   * dead letters open or re-driving: a re-drive sends its attachments again), in one statement; the attachments
   * no other notification holds then expire at {@code expires}. Answers how many references it released.
   */
  int releaseFinished(Instant expires) {
    return jdbc.sql("""
            with released as (
              update attachment_reference r set released_at = now() from notification n
              where n.id = r.notification_id and r.released_at is null and n.status in (:final) and %s
              returning r.attachment_id, r.notification_id),
            expiring as (
              update attachment a set expires_at = greatest(:expires, a.linked_until)
              where a.id in (select attachment_id from released) and a.status = 'STORED'
                and not exists (select 1 from attachment_reference o where o.attachment_id = a.id and o.released_at is null
                  and not exists (select 1 from released x
                                  where x.attachment_id = o.attachment_id and x.notification_id = o.notification_id)))
            select count(*) from released""".formatted(DeadLetterWrites.nothingToRedrive("n.id")))
        .param("final", FINAL).param("expires", Timestamp.from(expires)).query(Integer.class).single();
  }

  private void expireUnreferenced(List<UUID> released, Instant expires) {
    if (released.isEmpty()) {
      return;
    }
    jdbc.sql("""
            update attachment a set expires_at = greatest(:expires, a.linked_until)
            where a.id in (:ids) and a.status = 'STORED'
              and not exists (select 1 from attachment_reference r where r.attachment_id = a.id and r.released_at is null)""")
        .param("ids", released).param("expires", Timestamp.from(expires)).update();
  }

  /** The expired uploads, locked and skipping those another process's sweep holds. */
  List<Attachment> lockExpired(Instant now, int most) {
    return jdbc.sql("select " + COLUMNS + " from attachment where expires_at <= :now order by expires_at limit :most "
            + "for update skip locked")
        .param("now", Timestamp.from(now)).param("most", most).query(AttachmentRepository::row).list();
  }

  /** {@link #COLUMNS} of the table under this alias. */
  private static String prefixed(String alias) {
    return Arrays.stream(COLUMNS.split(", ")).map(c -> alias + "." + c).collect(Collectors.joining(", "));
  }

  private static Attachment row(ResultSet rs, int n) throws SQLException {
    Long size = rs.getObject("size", Long.class);
    return new Attachment(rs.getObject("id", UUID.class), rs.getString("sender"), rs.getString("filename"),
        rs.getString("content_type"), size, rs.getString("sha256"),
        AttachmentStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "expires_at"),
        instant(rs, "deleted_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
