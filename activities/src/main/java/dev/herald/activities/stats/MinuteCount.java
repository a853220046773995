package dev.herald.activities.stats;

import dev.herald.workflows.messages.Channel;
import java.time.Instant;

/** How many deliveries on a channel had an outcome in the minute starting at {@code minute} (only minutes with some). */
public record MinuteCount(Instant minute, Channel channel, StatsOutcome outcome, long count) {}
