package dev.herald.activities.attachment;

/** What one notification may attach: {@code count} attachments at most, of {@code bytes} in all. */
public record AttachmentLimits(int count, long bytes) {}
