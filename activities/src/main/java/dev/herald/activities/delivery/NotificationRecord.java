package dev.herald.activities.delivery;

import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A notification as the delivery log keeps it; {@code groupKey}: the group a broadcast went to, else
 * null; {@code requestedByKey}: the prefix of the API key that asked for it, null for a Kafka event.
 */
@Table("notification")
record NotificationRecord(
    @Id String id,
    String idempotencyKey,
    String sender,
    String channels,
    Priority priority,
    NotificationStatus status,
    String statusDetail,
    String subject,
    int recipientCount,
    Instant sendAt,
    String approvalDecision,
    String approvalComment,
    String approvedBy,
    Instant decidedAt,
    String approvedByKey,
    String requestedByKey,
    String templateKey,
    Integer templateVersion,
    String groupKey,
    String category,
    Instant createdAt,
    Instant updatedAt) {}
