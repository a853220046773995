package dev.herald.activities.deadletter;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeadLetterStatus;
import java.time.Instant;

/**
 * A dead letter as the log keeps it. A DELIVERY names its notification, delivery, channel and address;
 * an EVENT where it came from (topic, partition, offset).
 *
 * @param errorCode the provider's code, else Herald's error type (a delivery) or rule (an event)
 * @param outcome after a re-drive: the delivery's status, or why nothing was sent
 * @param createdAt when it (last) became a dead letter
 */
public record DeadLetter(
    long id,
    DeadLetterKind kind,
    DeadLetterStatus status,
    String sender,
    Channel channel,
    String notificationId,
    String deliveryId,
    String recipient,
    String errorCode,
    String error,
    String outcome,
    int redrives,
    String topic,
    Integer partition,
    Long offset,
    Instant createdAt,
    Instant updatedAt) {}
