package dev.herald.workflows.messages;

/**
 * What a batch did: the counts of its whole range, and how many of its PENDING deliveries wait for
 * their recipients' quiet hours to end (not sent, not failed: the notification comes back for them).
 */
public record BatchOutcome(ChannelCounts counts, int deferred) {}
