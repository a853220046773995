package dev.herald.activities.events;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.Priority;
import java.time.Instant;

/**
 * One delivery state change from the outbox: no address, no content.
 *
 * @param seq the outbox's number, which orders a delivery's changes (the event id)
 * @param status the delivery's status after the change; null for READ
 * @param sender the notification's sender; null where the notification is no longer logged
 * @param errorCode the provider's code or the error type of a FAILED one, the reason code of a SKIPPED one
 * @param priority the notification's priority; null where the notification is no longer logged
 * @param dueAt when the delivery was due: the latest of the notification's acceptance, approval and send time
 *     and the delivery's end of quiet hours; null where the delivery is no longer logged
 */
public record DeliveryEvent(
    long seq,
    DeliveryEventType type,
    String notificationId,
    String deliveryId,
    Channel channel,
    DeliveryStatus status,
    String sender,
    String providerMessageId,
    String errorCode,
    Instant occurredAt,
    Priority priority,
    Instant dueAt) {}
