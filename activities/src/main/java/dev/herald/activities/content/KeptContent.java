package dev.herald.activities.content;

import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.TemplateRef;

/**
 * What a notification's batches send, as kept in {@code notification_content.content} (JSON): the inline
 * content, or the template with its variables; its category and priority for a re-drive.
 */
public record KeptContent(Content content, TemplateRef template, String category, Priority priority) {}
