package dev.herald.activities.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded file's metadata. {@code contentType} is what its first bytes are (sniffed), {@code
 * sha256} the hex digest of its bytes; {@code expiresAt} is when it is swept unless a notification
 * references it first (null while one does).
 */
public record Attachment(UUID id, String sender, String filename, String contentType, Long size, String sha256,
    AttachmentStatus status, Instant createdAt, Instant expiresAt, Instant deletedAt) {}
