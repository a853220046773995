package dev.herald.devkit.outbox;

import dev.herald.workflows.messages.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A message captured by a local sink in dev mode. */
public record OutboxMessage(
    Channel channel, List<String> to, String from, String subject, String body, Map<String, String> headers,
    Instant receivedAt) {}
