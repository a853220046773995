package dev.herald.workflows.messages;

/** Inline content of a notification. */
public record Content(String subject, String body) {}
