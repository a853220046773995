package dev.herald.api.notification;

import dev.herald.workflows.messages.Decision;

/** Body of {@code POST /api/v1/notifications/{id}/approval}. */
public record ApprovalRequest(Decision decision, String comment, String approver) {}
