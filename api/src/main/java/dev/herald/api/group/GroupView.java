package dev.herald.api.group;

import dev.herald.activities.group.GroupSummary;
import java.time.Instant;

/** A group as the API shows it; {@code owner} is the sender whose group it is, {@code size} its number of members. */
public record GroupView(String owner, String key, String name, long size, Instant createdAt, Instant updatedAt) {

  static GroupView of(GroupSummary group) {
    return new GroupView(group.owner(), group.key(), group.name(), group.size(), group.createdAt(), group.updatedAt());
  }
}
