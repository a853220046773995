package dev.herald.workflows.notification;

import dev.herald.workflows.messages.Channel;
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

  /** The delivery of the {@code index}-th recipient on {@code channel}: stable across retries. */
  public static String delivery(String notificationId, Channel channel, int index) {
    return notificationId + "/" + channel.name().toLowerCase() + "/" + index;
  }

  /**
   * The delivery of a broadcast's member on {@code channel}, by the member's external id: stable across
   * retries and independent of the member's number in the audience. The delivery log's snapshot builds
   * the same id in SQL ({@code BroadcastAudiences}); keep the two in step.
   */
  public static String broadcastDelivery(String notificationId, Channel channel, String recipientId) {
    return notificationId + "/" + channel.name().toLowerCase() + "/" + recipientId;
  }
}
