package dev.herald.activities.delivery;

import dev.herald.workflows.messages.DeliveryStatus;

/** How many deliveries of a notification are in one status. */
public record StatusCount(DeliveryStatus status, long count) {}
