package dev.herald.activities.deadletter;

import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.TemplateRef;

/** What a notification's batches send, as kept for re-drives (notification_content.content, JSON). */
record RedriveContent(Content content, TemplateRef template, String category, Priority priority) {}
