package dev.herald.api.inbox;

/** How many items of a recipient's inbox are unread. */
public record UnreadCount(String recipientId, long unread) {}
