package dev.herald.activities.stats;

import dev.herald.workflows.messages.Channel;

/** Deliveries of sending notifications still waiting for their batch on a channel (none held for quiet hours). */
public record ChannelBacklog(Channel channel, long pending) {}
