package dev.herald.api.attachment;

import dev.herald.activities.attachment.Attachment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * An attachment as the API shows it: {@code contentType} as sniffed from its bytes, {@code sha256} in
 * hex, {@code expiresAt} when it is deleted unless a notification uses it first (null while one does).
 */
public record AttachmentView(UUID id, String sender, @Schema(nullable = true) String filename, String contentType,
    long size, String sha256, Instant createdAt, @Schema(nullable = true) Instant expiresAt) {

  public static AttachmentView of(Attachment attachment) {
    return new AttachmentView(attachment.id(), attachment.sender(), attachment.filename(), attachment.contentType(),
        attachment.size(), attachment.sha256(), attachment.createdAt(), attachment.expiresAt());
  }
}
