package dev.herald.api.console.attachment;

import dev.herald.activities.attachment.Attachment;
import java.util.Locale;

/**
 * An attachment as the console lists it: its name, checked type and size in words, and whether its bytes are there
 * ({@code status}: stored, deleted or expired; null for an id the caller has no attachment of).
 */
public record AttachmentRow(String id, String name, String type, String size, String status) {

  static final String NO_NAME = "(no name)";

  static AttachmentRow of(Attachment attachment) {
    String name = attachment.filename() == null ? NO_NAME : attachment.filename();
    return new AttachmentRow(attachment.id().toString(), name, attachment.contentType(),
        attachment.size() == null ? null : size(attachment.size()), attachment.status().name().toLowerCase(Locale.ROOT));
  }

  /** An id that names none of the caller's attachments: shown as it is, so the send's refusal beside it makes sense. */
  static AttachmentRow unknown(String id) {
    return new AttachmentRow(id, id, null, null, null);
  }

  public boolean stored() {
    return "stored".equals(status);
  }

  /** A size in bytes, KB or MB (of 1024), as the limits (herald.attachments.max-size) are written. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    double kb = bytes / 1024.0;
    return kb < 1024 ? String.format(Locale.ROOT, "%.1f KB", kb) : String.format(Locale.ROOT, "%.1f MB", kb / 1024);
  }
}
