package dev.herald.api.group;

import java.util.List;

/** What removing members did; {@code unknown} ids name no recipient. */
public record MembersRemoved(int removed, int notMembers, List<String> unknown) {}
