package dev.herald.activities.group;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A named set of recipients a broadcast can target; {@code key} is the sender's handle for it. */
@Table("recipient_group")
public record RecipientGroup(@Id Long id, String key, String name, Instant createdAt, Instant updatedAt) {}
