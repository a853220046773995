package dev.herald.activities.delivery;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import java.time.Instant;
import java.util.List;

/**
 * A notification as its history shows it, with its deliveries counted per channel.
 *
 * @param templateVersion the version rendered when {@code templateKey} is set, else null
 * @param groupKey the recipient group of a broadcast, else null
 * @param category the notification's category (opt-outs and caps), else null
 * @param requestedByKey the prefix of the API key that asked for the send; null for a Kafka event
 * @param approval an admin's decision, when one was asked for and given
 * @param counts one entry per channel, in the notification's channel order
 */
public record LoggedNotification(
    String id,
    String idempotencyKey,
    NotificationStatus status,
    String statusDetail,
    String sender,
    List<Channel> channels,
    Priority priority,
    String subject,
    String templateKey,
    Integer templateVersion,
    String groupKey,
    String category,
    int recipientCount,
    Instant sendAt,
    String requestedByKey,
    ApprovalDecision approval,
    List<ChannelCounts> counts,
    Instant createdAt,
    Instant updatedAt) {}
