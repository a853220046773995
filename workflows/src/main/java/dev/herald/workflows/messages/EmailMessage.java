package dev.herald.workflows.messages;

/**
 * One email to send. {@code deliveryId} is stable across retries and is used as the Message-ID, so
 * receivers can drop a duplicate should a retry follow a send whose acknowledgement was lost.
 */
public record EmailMessage(
    String deliveryId, String notificationId, String to, String subject, String body, String html) {

  /** A plain-text email. */
  public EmailMessage(String deliveryId, String notificationId, String to, String subject, String body) {
    this(deliveryId, notificationId, to, subject, body, null);
  }
}
