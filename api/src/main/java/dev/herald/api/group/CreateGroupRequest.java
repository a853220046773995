package dev.herald.api.group;

/** The body of {@code POST /api/v1/groups}. */
public record CreateGroupRequest(String key, String name) {}
