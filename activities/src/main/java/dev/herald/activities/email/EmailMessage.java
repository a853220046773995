package dev.herald.activities.email;

/**
 * One email to send. {@code deliveryId} is stable across retries and is used as the Message-ID, so
 * receivers can drop a duplicate should a retry follow a send whose acknowledgement was lost.
 * {@code html} (optional) goes with the text as multipart/alternative; {@code from} (optional, e.g.
 * named by a template) replaces the configured sender address.
 */
public record EmailMessage(
    String deliveryId, String notificationId, String to, String subject, String body, String html, String from) {

  /** A plain-text email from the configured sender address. */
  public EmailMessage(String deliveryId, String notificationId, String to, String subject, String body) {
    this(deliveryId, notificationId, to, subject, body, null, null);
  }
}
