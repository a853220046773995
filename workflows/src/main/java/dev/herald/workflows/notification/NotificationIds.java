package dev.herald.workflows.notification;

import java.util.regex.Pattern;

/** Derives workflow and delivery ids, so a repeated request or a retry maps to the same ids. */
public final class NotificationIds {

  public static final String PREFIX = "notification-";
  public static final int MAX_KEY_LENGTH = 200;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:@-]{1," + MAX_KEY_LENGTH + "}");

  private NotificationIds() {}

  public static boolean isValidKey(String idempotencyKey) {
    return idempotencyKey != null && KEY.matcher(idempotencyKey).matches();
  }

  public static String fromIdempotencyKey(String idempotencyKey) {
    if (!isValidKey(idempotencyKey)) {
      throw new IllegalArgumentException("invalid idempotency key");
    }
    return PREFIX + idempotencyKey;
  }
}
