package dev.herald.api.console.attachment;

import dev.herald.activities.attachment.Attachment;
import dev.herald.activities.attachment.AttachmentLimits;
import dev.herald.activities.attachment.AttachmentProperties;
import dev.herald.activities.attachment.Attachments;
import dev.herald.api.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The attachments the console's pages list: the send form's uploads, a notification's files, and the limits. */
@Component
public class ConsoleAttachments {

  /** The limits as the send form states them, and the size its script checks before uploading. */
  public record Limits(long maxBytes, String maxSize, int count, String total, String types) {}

  private final Attachments attachments;
  private final AttachmentProperties settings;

  ConsoleAttachments(Attachments attachments, AttachmentProperties settings) {
    this.attachments = attachments;
    this.settings = settings;
  }

  /** The form's attachment ids as rows, in its order; an id of no attachment the caller may see shows as unknown. */
  public List<AttachmentRow> rows(List<String> ids, Caller caller) {
    Map<String, Attachment> found = attachments.records(ids.stream().map(ConsoleAttachments::uuid)
            .filter(id -> id != null).toList()).stream().filter(a -> caller.actsFor(a.sender()))
        .collect(Collectors.toMap(a -> a.id().toString(), Function.identity()));
    return ids.stream().map(id -> {
      UUID uuid = uuid(id);
      Attachment attachment = uuid == null ? null : found.get(uuid.toString());
      return attachment == null ? AttachmentRow.unknown(id) : AttachmentRow.of(attachment);
    }).toList();
  }

  /** The attachments the notification holds, in its order (a finished one's are released by the sweep). */
  public List<AttachmentRow> ofNotification(String notificationId) {
    return attachments.ofNotification(notificationId).stream().map(AttachmentRow::of).toList();
  }

  public Limits limits() {
    AttachmentLimits limits = attachments.limits();
    long maxBytes = settings.maxSize().toBytes();
    return new Limits(maxBytes, AttachmentRow.size(maxBytes), limits.count(), AttachmentRow.size(limits.bytes()),
        String.join(", ", settings.allowedTypes()));
  }

  private static UUID uuid(String id) {
    try {
      return id == null ? null : UUID.fromString(id.strip());
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }
}
