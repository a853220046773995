package dev.herald.workflows.messages;

import java.time.Instant;
import java.util.List;

/**
 * The events a digest collects until its window ends, sent as the notification {@code digestId}.
 *
 * @param idempotencyKey the digest notification's key, from which {@code digestId} follows
 * @param openedAt when its first event came (workflow time): the window runs from there
 */
public record DigestWindow(String idempotencyKey, String digestId, Instant openedAt, List<DigestEvent> events) {}
