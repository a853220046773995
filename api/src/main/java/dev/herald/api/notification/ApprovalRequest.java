package dev.herald.api.notification;

import dev.herald.api.web.TextRule;
import dev.herald.workflows.messages.Decision;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/v1/notifications/{id}/approval}, and the input of the workflow's {@code decide}
 * signal: the decision and a comment. Who decides is the API key's sender identity; {@code approver}
 * may repeat it (and must, in a signal sent with the Temporal CLI, which carries no credential).
 */
public record ApprovalRequest(
    @NotNull(message = "is required: APPROVE or REJECT") Decision decision,
    @TextRule(value = TextRule.Kind.TEXT, max = NotificationController.MAX_COMMENT_CHARS) String comment,
    @TextRule(value = TextRule.Kind.LINE, max = NotificationController.MAX_APPROVER_CHARS) String approver) {}
