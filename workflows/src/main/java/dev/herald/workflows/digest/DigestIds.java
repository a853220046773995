package dev.herald.workflows.digest;

import dev.herald.workflows.notification.NotificationIds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The names of digests. One digest workflow per sender, key and recipient:
 * {@code digest-<sender>~<key>~<recipient>}; each window it sends is a notification of the sender
 * with the idempotency key {@code digest:<key>:<recipient>:<opened>} (when its first event came, UTC),
 * so a retried start finds the notification it started. The recipient's id is shown as a hash: ids
 * are plain in Temporal, and a sender may use e-mail addresses as recipient ids.
 */
public final class DigestIds {

  public static final String PREFIX = "digest-";
  /** The error code of a delivery whose event went into a digest: this and the digest notification's id. */
  public static final String SKIPPED_CODE = "digested:";
  private static final DateTimeFormatter OPENED =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private DigestIds() {}

  public static String workflowId(String sender, String key, String recipientId) {
    return PREFIX + NotificationIds.senderPart(sender) + "~" + key + "~" + NotificationIds.shortHash(recipientId);
  }

  /** The idempotency key of the digest notification whose window opened at {@code openedAt}. */
  public static String windowKey(String key, String recipientId, Instant openedAt) {
    return "digest:" + key + ":" + NotificationIds.shortHash(recipientId) + ":" + OPENED.format(openedAt);
  }
}
