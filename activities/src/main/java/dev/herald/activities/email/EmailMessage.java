package dev.herald.activities.email;

/**
 * One email to send. {@code deliveryId} is stable across retries and is used as the Message-ID, so
 * receivers can drop a duplicate should a retry follow a send whose acknowledgement was lost.
 * {@code html} (optional) goes with the text as multipart/alternative; {@code from} (optional, e.g.
 * named by a template) replaces the configured sender address; {@code unsubscribe} (optional) its
 * List-Unsubscribe headers.
 */
public record EmailMessage(
    String deliveryId, String notificationId, String to, String subject, String body, String html, String from,
    ListUnsubscribe unsubscribe) {

  /** An email without unsubscribe headers. */
  public EmailMessage(String deliveryId, String notificationId, String to, String subject, String body, String html,
      String from) {
    this(deliveryId, notificationId, to, subject, body, html, from, null);
  }

  /** A plain-text email from the configured sender address. */
  public EmailMessage(String deliveryId, String notificationId, String to, String subject, String body) {
    this(deliveryId, notificationId, to, subject, body, null, null, null);
  }
}
