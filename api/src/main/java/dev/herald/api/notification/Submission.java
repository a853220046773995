package dev.herald.api.notification;

import dev.herald.workflows.messages.NotificationStatus;

/**
 * The answer to a request: the notification id and its status; {@code created} is false when the
 * request repeated an earlier one (nothing new was started).
 */
public record Submission(String id, NotificationStatus status, boolean created) {}
