package dev.herald.api.group;

/** The body of {@code PATCH /api/v1/groups/{key}}. */
public record RenameGroupRequest(String name) {}
