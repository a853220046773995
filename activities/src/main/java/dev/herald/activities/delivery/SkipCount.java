package dev.herald.activities.delivery;

import dev.herald.workflows.messages.Channel;

/**
 * How many of a notification's deliveries on a channel were skipped for one reason: {@code code} is
 * the error code ({@code opted-out:<scope>}, {@code frequency-capped}; null for a fallback's channel not
 * needed), {@code reason} the words of the delivery's last error.
 */
public record SkipCount(Channel channel, String code, String reason, long deliveries) {}
