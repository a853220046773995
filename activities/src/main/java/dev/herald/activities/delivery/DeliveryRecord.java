package dev.herald.activities.delivery;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryStatus;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One message to one recipient on one channel, as the delivery log keeps it. */
@Table("delivery")
public record DeliveryRecord(
    @Id String id,
    String notificationId,
    Channel channel,
    String recipient,
    DeliveryStatus status,
    int attempts,
    String providerMessageId,
    String errorCode,
    String lastError,
    Instant updatedAt) {}
