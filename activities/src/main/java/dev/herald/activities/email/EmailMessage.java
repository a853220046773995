package dev.herald.activities.email;

import dev.herald.activities.channel.AttachedFile;
import java.util.List;

/**
 * One email to send. {@code deliveryId} is stable across retries and is used as the Message-ID, so
 * receivers can drop a duplicate should a retry follow a send whose acknowledgement was lost.
 * {@code html} (optional) goes with the text as multipart/alternative; {@code from} (optional, e.g.
 * named by a template) replaces the configured sender address; {@code unsubscribe} (optional) its
 * List-Unsubscribe headers; {@code attachments} (may be empty) go after the text as files, multipart/mixed.
 */
public record EmailMessage(
    String deliveryId, String notificationId, String to, String subject, String body, String html, String from,
    ListUnsubscribe unsubscribe, List<AttachedFile> attachments) {

  public EmailMessage {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** An email without attachments. */
  public EmailMessage(String deliveryId, String notificationId, String to, String subject, String body, String html,
      String from, ListUnsubscribe unsubscribe) {
    this(deliveryId, notificationId, to, subject, body, html, from, unsubscribe, List.of());
  }

  /** An email without unsubscribe headers. */
  public EmailMessage(String deliveryId, String notificationId, String to, String subject, String body, String html,
      String from) {
    this(deliveryId, notificationId, to, subject, body, html, from, null, List.of());
  }

  /** A plain-text email from the configured sender address. */
  public EmailMessage(String deliveryId, String notificationId, String to, String subject, String body) {
    this(deliveryId, notificationId, to, subject, body, null, null, null, List.of());
  }
}
