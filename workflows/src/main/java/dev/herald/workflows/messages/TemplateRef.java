package dev.herald.workflows.messages;

import java.util.Map;

/** The template a notification renders: key (the notification type), the version fixed at acceptance, variables. */
public record TemplateRef(String key, int version, Map<String, Object> variables) {}
