package dev.herald.workflows.messages;

import java.time.Instant;

/** Who decided on an approval, what, when and why. */
public record ApprovalDecision(Decision decision, String comment, String decidedBy, Instant decidedAt) {}
