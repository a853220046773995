package dev.herald.activities.template;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A notification type's template, owned by a sender. {@code activeVersion} is the published version
 * sends use; null until one is published.
 */
@Table("notification_template")
public record Template(
    @Id String templateKey,
    String owner,
    String description,
    Integer activeVersion,
    Instant createdAt,
    Instant updatedAt) {}
