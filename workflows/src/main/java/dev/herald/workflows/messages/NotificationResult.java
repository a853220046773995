package dev.herald.workflows.messages;

/** How a notification ended. */
public record NotificationResult(
    String id, NotificationStatus status, int sent, int delivered, int failed, int skipped, int cancelled, String detail) {}
