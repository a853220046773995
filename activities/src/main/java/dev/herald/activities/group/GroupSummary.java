package dev.herald.activities.group;

import java.time.Instant;

/** A group of {@code owner}'s recipients with its number of members. */
public record GroupSummary(String owner, String key, String name, long size, Instant createdAt, Instant updatedAt) {}
