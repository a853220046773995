package dev.herald.workflows.messages;

import java.time.Duration;
import java.util.List;

/**
 * One notification's event for one recipient, handed to that recipient's digest: its notification id
 * (what the digest deduplicates by), its template variables, and what the digest is sent with.
 *
 * @param timeZone the stored recipient's time zone (an IANA id) for a daily window; null: UTC
 */
public record DigestEvent(
    String notificationId,
    String sender,
    DigestRule rule,
    Recipient recipient,
    String timeZone,
    List<Channel> channels,
    ChannelMode channelMode,
    List<Duration> escalateAfter,
    Priority priority,
    ApprovalPolicy approval,
    Duration receiptWindow,
    TemplateRef template,
    String category) {

  /** The event of {@code spec} (a notification whose template asks for a digest) for one of its recipients. */
  public static DigestEvent of(NotificationSpec spec, Recipient recipient, String timeZone) {
    return new DigestEvent(spec.id(), spec.sender(), spec.digest(), recipient, timeZone, spec.channels(),
        spec.channelMode(), spec.escalateAfter(), spec.priority(), spec.approval(), spec.receiptWindow(),
        spec.template(), spec.category());
  }
}
