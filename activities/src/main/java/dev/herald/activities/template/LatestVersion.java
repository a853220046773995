package dev.herald.activities.template;

import java.time.Instant;

/** A template's newest version: its number and when it was written (published or not). */
public record LatestVersion(String templateKey, int version, Instant createdAt) {}
