package dev.herald.workflows.messages;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * The input of a notification workflow: everything needed to send it, fixed at acceptance.
 *
 * @param id the workflow id, derived from the idempotency key
 * @param sendAt when to send; null means now
 * @param requestHash fingerprint of the request body, to tell a repeat from a conflicting reuse
 * @param channelMode null means {@link ChannelMode#ALL}
 * @param receiptWindow how long to wait for delivery receipts (SMS, voice) after sending; null: none
 * @param template the template to render instead of {@code content}; null for inline content
 * @param group the key of the recipient group to broadcast to (instead of {@code recipients}); null otherwise
 * @param resume set by a notification continuing as new: where its sending carries on; null on the first run
 * @param category what kind of notification this is (e.g. marketing, security), the scope of recipients'
 *     opt-outs and frequency caps: the template version's, or the request's for inline content; null: none
 * @param escalateAfter with {@link ChannelMode#ESCALATE}: how long each channel but the last waits for an
 *     acknowledgement before the next; null otherwise
 * @param digest the template version's digest: the notification hands its event to each recipient's
 *     digest instead of sending; null: sent as it is
 * @param contentKey where the door kept what it sends ({@code notification_content}, with {@code id}): then
 *     {@code content} is null and {@code template} holds no variables, so the input does not grow with the
 *     message; null: {@code content} and the variables are inline (histories from before, digests' windows)
 */
public record NotificationSpec(
    String id,
    String idempotencyKey,
    String sender,
    List<Channel> channels,
    List<Recipient> recipients,
    Content content,
    Priority priority,
    Instant sendAt,
    ApprovalPolicy approval,
    Instant acceptedAt,
    String requestHash,
    ChannelMode channelMode,
    java.time.Duration receiptWindow,
    TemplateRef template,
    String group,
    SendCheckpoint resume,
    String category,
    List<java.time.Duration> escalateAfter,
    DigestRule digest,
    String contentKey) {

  /** A notification whose content and variables are inline, as every one was before content by reference. */
  public NotificationSpec(String id, String idempotencyKey, String sender, List<Channel> channels,
      List<Recipient> recipients, Content content, Priority priority, Instant sendAt, ApprovalPolicy approval,
      Instant acceptedAt, String requestHash, ChannelMode channelMode, java.time.Duration receiptWindow,
      TemplateRef template, String group, SendCheckpoint resume, String category,
      List<java.time.Duration> escalateAfter, DigestRule digest) {
    this(id, idempotencyKey, sender, channels, recipients, content, priority, sendAt, approval, acceptedAt, requestHash,
        channelMode, receiptWindow, template, group, resume, category, escalateAfter, digest, null);
  }

  /** A notification without a digest, as every one was before digests. */
  public NotificationSpec(String id, String idempotencyKey, String sender, List<Channel> channels,
      List<Recipient> recipients, Content content, Priority priority, Instant sendAt, ApprovalPolicy approval,
      Instant acceptedAt, String requestHash, ChannelMode channelMode, java.time.Duration receiptWindow,
      TemplateRef template, String group, SendCheckpoint resume, String category,
      List<java.time.Duration> escalateAfter) {
    this(id, idempotencyKey, sender, channels, recipients, content, priority, sendAt, approval, acceptedAt, requestHash,
        channelMode, receiptWindow, template, group, resume, category, escalateAfter, null, null);
  }

  /** Derived, not a field: kept out of the payload, or Temporal's Jackson converter refuses the spec on the way back. */
  @JsonIgnore
  public boolean isBroadcast() {
    return group != null;
  }

  public NotificationSpec resumingAt(SendCheckpoint checkpoint) {
    return new NotificationSpec(id, idempotencyKey, sender, channels, recipients, content, priority, sendAt, approval,
        acceptedAt, requestHash, channelMode, receiptWindow, template, group, checkpoint, category, escalateAfter,
        digest, contentKey);
  }

  /** This spec with {@code content} and {@code template} as given (read from where {@code contentKey} says). */
  public NotificationSpec withContent(Content content, TemplateRef template) {
    return new NotificationSpec(id, idempotencyKey, sender, channels, recipients, content, priority, sendAt, approval,
        acceptedAt, requestHash, channelMode, receiptWindow, template, group, resume, category, escalateAfter, digest,
        contentKey);
  }

  /** Whether its content and variables are kept at the door rather than in this spec. */
  public boolean contentKept() {
    return contentKey != null;
  }

  public boolean fallback() {
    return channelMode == ChannelMode.FALLBACK;
  }

  public boolean escalates() {
    return channelMode == ChannelMode.ESCALATE;
  }

  /** Whether a recipient counts once, reached when any of its channels reached it (FALLBACK, ESCALATE). */
  public boolean countsByRecipient() {
    return fallback() || escalates();
  }
}
