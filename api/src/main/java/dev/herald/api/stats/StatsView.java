package dev.herald.api.stats;

import dev.herald.activities.stats.ChannelPriorityStats;
import dev.herald.activities.stats.CurrentLoad;
import dev.herald.activities.stats.MinuteCount;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The delivery log's figures over [since, until), and what waits now. */
public record StatsView(
    Instant since,
    Instant until,
    @Schema(description = "per channel and priority with an outcome in the window")
    List<ChannelPriorityStats> byChannelAndPriority,
    @Schema(description = "outcomes per minute and channel, oldest first; minutes without any are left out")
    List<MinuteCount> perMinute,
    @Schema(description = "what waits at the time of the answer, whatever the window")
    CurrentLoad now) {}
