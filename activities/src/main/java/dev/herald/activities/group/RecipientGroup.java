package dev.herald.activities.group;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A named set of a sender's (its owner's) recipients a broadcast can target; {@code key} is the owner's name for it. */
@Table("recipient_group")
public record RecipientGroup(
    @Id Long id, String owner, String key, String name, Instant createdAt, Instant updatedAt) {}
