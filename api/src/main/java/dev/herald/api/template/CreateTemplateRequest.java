package dev.herald.api.template;

/** The body of {@code POST /api/v1/templates}: the notification type's key, its owner (the sender), a note. */
public record CreateTemplateRequest(String key, String owner, String description) {}
