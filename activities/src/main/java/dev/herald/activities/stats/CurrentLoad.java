package dev.herald.activities.stats;

import java.time.Instant;
import java.util.List;

/**
 * What waits right now: the backlog per channel (channels with one only), the notifications waiting for an
 * admin's approval and since when the oldest waits (null when none), those scheduled, and the open dead letters.
 */
public record CurrentLoad(List<ChannelBacklog> backlog, long awaitingApproval, Instant oldestAwaitingSince,
    long scheduled, long deadLettersOpen) {}
