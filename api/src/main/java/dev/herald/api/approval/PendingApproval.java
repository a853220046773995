package dev.herald.api.approval;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Priority;
import java.time.Instant;
import java.util.List;

/** A send waiting for an admin's decision: who asked, to how many, what it says. */
public record PendingApproval(
    String notificationId,
    String requester,
    int audienceSize,
    List<Channel> channels,
    Priority priority,
    String subject,
    String reason,
    Instant requestedAt,
    Instant waitingSince) {}
