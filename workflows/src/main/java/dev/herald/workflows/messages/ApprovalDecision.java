package dev.herald.workflows.messages;

import java.time.Instant;

/**
 * A decision the notification took: what, why, who decided (a sender identity, from the approving
 * credential or named in the signal), with which API key when it came through the API, and when.
 */
public record ApprovalDecision(Decision decision, String comment, String decidedBy, Instant decidedAt,
    String decidedByKey) {

  public ApprovalDecision(Decision decision, String comment, String decidedBy, Instant decidedAt) {
    this(decision, comment, decidedBy, decidedAt, null);
  }
}
