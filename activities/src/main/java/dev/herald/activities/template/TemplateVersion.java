package dev.herald.activities.template;

import java.time.Instant;

/** One immutable version of a template; {@code publishedAt} is when it was first published, null if never. */
public record TemplateVersion(String templateKey, int version, TemplateContent content, Instant createdAt,
    Instant publishedAt) {}
