package dev.herald.activities.attachment;

/**
 * What one notification may attach: {@code count} attachments at most, of {@code bytes} in all; and its image (push,
 * in-app) of {@code imageBytes} at most.
 */
public record AttachmentLimits(int count, long bytes, long imageBytes) {}
