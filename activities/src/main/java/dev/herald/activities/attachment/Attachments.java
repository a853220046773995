package dev.herald.activities.attachment;

import dev.herald.activities.blob.BlobStore;
import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments: files a sender uploads once and its notifications name by id. An upload streams
 * through the size limit, the SHA-256 and the type check into the blob store (under {@code
 * attachments/<id>}), never whole in memory. An upload no notification references expires after
 * {@code herald.attachments.unreferenced-ttl}; one a notification that is not final references cannot
 * be deleted. Who may see which is the caller's business: each attachment names its sender.
 */
@Component
@EnableConfigurationProperties(AttachmentProperties.class)
public class Attachments {

  /** How much of the start of a file the type check may read (and the stream keeps for reading again). */
  private static final int SNIFF_BYTES = 64 * 1024;
  private static final int MAX_FILENAME_CHARS = 255;
  /** How far short of a link's expiry an attachment may be kept before {@link #keepFor} writes again. */
  private static final Duration KEEP_SLACK = Duration.ofHours(1);

  private final AttachmentRepository rows;
  private final BlobStore blobs;
  private final AttachmentProperties settings;
  private final AttachmentTypes types;
  private final Clock clock;

  /** The process's clock where it has one (the api's; a worker alone has none): the system's UTC otherwise. */
  Attachments(AttachmentRepository rows, BlobStore blobs, AttachmentProperties settings, ObjectProvider<Clock> clock) {
    this.rows = rows;
    this.blobs = blobs;
    this.settings = settings;
    this.types = new AttachmentTypes(settings.allowedTypes());
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * Stores the body as the sender's attachment, read to its end.
   *
   * @param declaredType the type the client says it is (null or application/octet-stream: none)
   * @throws AttachmentTooLargeException past {@code herald.attachments.max-size}; nothing is kept
   * @throws AttachmentTypeException a type not taken, or not the declared one; nothing is kept
   */
  public Attachment upload(String sender, String filename, String declaredType, InputStream body) throws IOException {
    String name = filename(filename);
    MessageDigest sha256 = sha256();
    InputStream in = new BufferedInputStream(
        new DigestInputStream(new SizeLimit(body, settings.maxSize().toBytes()), sha256), SNIFF_BYTES);
    String type = types.check(in, name, declaredType);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    rows.insertUploading(id, sender, name, type, now, now.plus(settings.unreferencedTtl()));
    long size;
    try {
      size = blobs.put(key(id), in, BlobStore.UNKNOWN_LENGTH);
    } catch (IOException | RuntimeException failed) {
      rows.deleteUploading(id);
      throw failed;
    }
    rows.stored(id, size, HexFormat.of().formatHex(sha256.digest()));
    return rows.find(id).orElseThrow();
  }

  /** The attachment, unless it never was or is gone (deleted or expired). */
  public Optional<Attachment> find(UUID id) {
    return record(id).filter(a -> a.status().isStored());
  }

  /** The attachment's record, whatever its status: one deleted or expired too. */
  public Optional<Attachment> record(UUID id) {
    return rows.find(id);
  }

  /** The attachment's metadata and bytes, when it is stored. The caller closes it. */
  public Optional<AttachmentContent> open(UUID id) throws IOException {
    Optional<Attachment> attachment = find(id);
    if (attachment.isEmpty()) {
      return Optional.empty();
    }
    return blobs.open(key(id)).map(content -> new AttachmentContent(attachment.get(), content));
  }

  /**
   * Deletes the attachment's bytes and marks it deleted; one already gone (or never there) stays as it is.
   *
   * @throws AttachmentInUseException while a notification references it that is not final or has dead letters
   *     that can still be re-driven
   */
  @Transactional
  public void delete(UUID id) {
    Optional<Attachment> row = rows.lock(id);
    if (row.isPresent() && row.get().status() == AttachmentStatus.STORED) {
      if (rows.inUse(id, clock.instant().minus(settings.unreferencedTtl()))) {
        throw new AttachmentInUseException(id);
      }
      deleteBlob(id);
      rows.markGone(id, AttachmentStatus.DELETED, clock.instant());
    }
  }

  /** The records of these ids, whatever their status; unknown ids have none. For checking a request's ids at once. */
  public List<Attachment> records(Collection<UUID> ids) {
    return rows.findAll(ids);
  }

  /** The attachments the notification references, in the order it named them, whatever their status. */
  public List<Attachment> ofNotification(String notificationId) {
    return rows.ofNotification(notificationId, ReferenceRole.ATTACHMENT);
  }

  /** The image the notification shows (push, in-app), whatever its status; none when it names none. */
  public Optional<Attachment> imageOf(String notificationId) {
    return rows.ofNotification(notificationId, ReferenceRole.IMAGE).stream().findFirst();
  }

  /**
   * The bytes of an attachment found before (by {@link #ofNotification}), straight from the blob store without
   * reading its record again. The caller closes it.
   *
   * @throws FileNotFoundException when its bytes are gone
   */
  public InputStream content(Attachment attachment) throws IOException {
    return blobs.open(key(attachment.id()))
        .orElseThrow(() -> new FileNotFoundException("attachment '" + attachment.id() + "' has no bytes"));
  }

  /**
   * The notification uses these attachments (in this order): they no longer expire, nor can they be deleted while
   * it runs. A repeat references nothing more; answers those referenced now, for {@link #unreference}.
   */
  @Transactional
  public List<UUID> reference(List<UUID> ids, String notificationId) {
    return ids.isEmpty() ? List.of() : rows.reference(ids, ReferenceRole.ATTACHMENT, notificationId, clock.instant());
  }

  /** As {@link #reference}, the image the notification shows: whether it was referenced now. */
  @Transactional
  public boolean referenceImage(UUID id, String notificationId) {
    return !rows.reference(List.of(id), ReferenceRole.IMAGE, notificationId, clock.instant()).isEmpty();
  }

  /** Undoes {@link #reference} of these attachments by the notification (a start that turned out not to be its). */
  @Transactional
  public void unreference(Collection<UUID> ids, String notificationId) {
    rows.release(notificationId, ReferenceRole.ATTACHMENT, ids, clock.instant().plus(settings.unreferencedTtl()));
  }

  /** Undoes {@link #referenceImage}. */
  @Transactional
  public void unreferenceImage(UUID id, String notificationId) {
    rows.release(notificationId, ReferenceRole.IMAGE, List.of(id), clock.instant().plus(settings.unreferencedTtl()));
  }

  /**
   * Links to these attachments were handed out that work for {@code time} from now: their bytes are kept at least
   * that long, even once no notification references them. Within an hour of what is kept already, nothing is written.
   */
  @Transactional
  public void keepFor(Collection<UUID> ids, Duration time) {
    rows.keepUntil(ids, clock.instant().plus(time), KEEP_SLACK);
  }

  /**
   * The notification no longer uses its attachments (it was cancelled or rejected before sending): those no other
   * notification references expire after {@code herald.attachments.unreferenced-ttl} from now.
   */
  @Transactional
  public void release(String notificationId) {
    rows.release(notificationId, clock.instant().plus(settings.unreferencedTtl()));
  }

  /** The most attachments one notification may reference, the most bytes they may add up to, the largest image. */
  public AttachmentLimits limits() {
    return new AttachmentLimits(settings.maxPerNotification(), settings.maxPerNotificationBytes().toBytes(),
        settings.maxImageSize().toBytes());
  }

  /**
   * Releases the attachments of every notification that finished and that nothing can re-drive any more (so they
   * expire after {@code herald.attachments.unreferenced-ttl} unless another uses them), then deletes the bytes of
   * at most {@code herald.attachments.sweep-batch} expired uploads and marks them expired; answers how many. Rows
   * another process is sweeping are skipped, so several processes may sweep at once.
   */
  @Transactional
  public int sweepExpired() {
    Instant now = clock.instant();
    rows.releaseFinished(now.plus(settings.unreferencedTtl()));
    List<Attachment> expired = rows.lockExpired(now, settings.sweepBatch());
    for (Attachment attachment : expired) {
      deleteBlob(attachment.id());
      rows.markGone(attachment.id(), AttachmentStatus.EXPIRED, now);
    }
    return expired.size();
  }

  /** The blob store's key of an attachment's bytes. */
  static String key(UUID id) {
    return "attachments/" + id;
  }

  private void deleteBlob(UUID id) {
    try {
      blobs.delete(key(id));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** The name without any folder, control characters or surrounding blanks; null when nothing is left. */
  static String filename(String given) {
    if (given == null) {
      return null;
    }
    String base = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
    StringBuilder name = new StringBuilder();
    base.codePoints().filter(c -> !Character.isISOControl(c) && !Character.isSurrogate((char) c))
        .limit(MAX_FILENAME_CHARS).forEach(name::appendCodePoint);
    String clean = name.toString().strip();
    return clean.isEmpty() ? null : clean;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
