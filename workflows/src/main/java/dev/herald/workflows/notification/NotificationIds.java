package dev.herald.workflows.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Derives workflow ids from the sender and its idempotency key, so a repeated request or a retry maps
 * to the same id and two senders' keys never collide: {@code notification-<sender>~<key>}. A sender
 * of letters, digits and {@code . _ @ -} (every API key's sender) appears as it is; any other is
 * replaced by {@code ~} and 16 hex digits of its SHA-256. Neither part can hold a {@code ~} of its
 * own, so the id says whose it is. A key used again once its idempotency window has passed names a new
 * notification: {@code notification-<sender>~<key>~2}, then {@code ~3}, and so on.
 */
public final class NotificationIds {

  public static final String PREFIX = "notification-";
  public static final int MAX_KEY_LENGTH = 200;
  /** What an API key's sender may be: shown in ids as it is. */
  public static final String PLAIN_SENDER_REGEX = "[A-Za-z0-9._@-]{1,64}";
  public static final Pattern PLAIN_SENDER = Pattern.compile(PLAIN_SENDER_REGEX);
  private static final String SEPARATOR = "~";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_KEY_LENGTH + "}");

  private NotificationIds() {}

  public static boolean isValidKey(String idempotencyKey) {
    return idempotencyKey != null && KEY.matcher(idempotencyKey).matches();
  }

  public static String of(String sender, String idempotencyKey) {
    if (!isValidKey(idempotencyKey)) {
      throw new IllegalArgumentException("invalid idempotency key");
    }
    return ownedPrefix(sender) + idempotencyKey;
  }

  /**
   * The id of the key's next notification after the one of {@code latestId} released the key: numbered on
   * from it, so two concurrent first requests name the same id and Temporal starts one of them.
   */
  public static String next(String sender, String idempotencyKey, String latestId) {
    String first = of(sender, idempotencyKey);
    if (latestId.equals(first)) {
      return first + SEPARATOR + 2;
    }
    String numbered = first + SEPARATOR;
    return latestId.startsWith(numbered)
        ? numbered + (Integer.parseInt(latestId.substring(numbered.length())) + 1)
        : first; // an id from before ids named their sender: the first of this form is still free
  }

  /** Whether the notification of this id was sent by (or, by an admin, for) this sender. */
  public static boolean isOf(String id, String sender) {
    return id != null && id.startsWith(ownedPrefix(sender));
  }

  private static String ownedPrefix(String sender) {
    return PREFIX + senderPart(sender) + SEPARATOR;
  }

  /** The sender as ids show it: as it is when plain, else {@code ~} and 16 hex digits of its SHA-256. */
  public static String senderPart(String sender) {
    if (sender == null || sender.isEmpty()) {
      throw new IllegalArgumentException("a notification's id needs its sender");
    }
    return PLAIN_SENDER.matcher(sender).matches() ? sender : SEPARATOR + shortHash(sender);
  }

  /** 16 hex digits of the SHA-256 of {@code value}: a name for it in ids that does not show it. */
  public static String shortHash(String value) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
