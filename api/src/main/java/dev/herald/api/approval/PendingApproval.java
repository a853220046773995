package dev.herald.api.approval;

import dev.herald.api.notification.NotificationView;
import dev.herald.api.security.Caller;
import dev.herald.workflows.approval.FourEyes;
import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A send waiting for an admin's decision: who asked, to how many, what it says (the subject, or the
 * template version to preview with {@code POST /api/v1/templates/{key}/preview}).
 *
 * @param requestedByKey the prefix of the API key that asked for the send (null for a Kafka event): that key
 *     and the requester's own identity may not decide on it
 * @param group the recipient group of a broadcast, else null
 * @param audienceSize the recipients: for a broadcast, the group's members as fixed at acceptance
 */
public record PendingApproval(
    String notificationId,
    String requester,
    String requestedByKey,
    String group,
    int audienceSize,
    List<Channel> channels,
    Priority priority,
    String subject,
    NotificationView.Template template,
    String reason,
    Instant requestedAt,
    Instant waitingSince) {

  /** Why this admin may not decide on the send ({@link FourEyes}: it asked for it), or empty when it may. */
  public Optional<String> refusalFor(Caller admin) {
    return FourEyes.refusal(ApprovalSignal.of(Decision.APPROVE, null, admin.sender(), admin.keyPrefix()), requester,
        requestedByKey);
  }
}
