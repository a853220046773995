package dev.herald.activities.deadletter;

import dev.herald.workflows.messages.Channel;

/** How many dead letters of a kind, channel (null for events) and error code there are in one status. */
public record DeadLetterCount(DeadLetterKind kind, Channel channel, String errorCode, long count) {}
