package dev.herald.activities.attachment;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded file's metadata. {@code contentType} is what its first bytes are (sniffed), {@code
 * sha256} the hex digest of its bytes; {@code expiresAt} is when it is swept unless a notification
 * references it first (null while one does).
 */
public record Attachment(UUID id, String sender, String filename, String contentType, Long size, String sha256,
    AttachmentStatus status, Instant createdAt, Instant expiresAt, Instant deletedAt) {

  /** Whether a push or an in-app item can show it as its image: a raster image (not SVG, which may carry script). */
  public boolean isImage() {
    return contentType != null && contentType.startsWith("image/") && !contentType.startsWith("image/svg");
  }
}
