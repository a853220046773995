package dev.herald.activities.stats;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Priority;

/**
 * One channel at one priority over a window: its outcomes ({@link StatsOutcome}); {@code tried}, the deliveries
 * the provider accepted or that failed before it did; {@code failureRate}, failed / tried (null when none was
 * tried); and its time to the provider and to the receipt.
 */
public record ChannelPriorityStats(Channel channel, Priority priority, long sent, long delivered, long failed,
    long skipped, long cancelled, long deadLettered, long tried, Double failureRate, TimeToDeliver toProvider,
    TimeToDeliver toReceipt) {}
