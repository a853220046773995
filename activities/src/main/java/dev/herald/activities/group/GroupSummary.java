package dev.herald.activities.group;

import java.time.Instant;

/** A group with its number of members. */
public record GroupSummary(String key, String name, long size, Instant createdAt, Instant updatedAt) {}
