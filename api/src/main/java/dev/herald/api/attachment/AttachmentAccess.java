package dev.herald.api.attachment;

import dev.herald.activities.attachment.Attachment;
import dev.herald.activities.attachment.AttachmentInUseException;
import dev.herald.activities.attachment.AttachmentStatus;
import dev.herald.activities.attachment.Attachments;
import dev.herald.api.problem.ProblemException;
import dev.herald.api.security.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What a caller may do with an attachment by its credential (an API key, or a console session): its own sender's,
 * an admin every sender's; another sender's is not found (404), as an unknown one. For the REST API and the console.
 */
@Component
public class AttachmentAccess {

  private final Attachments attachments;

  AttachmentAccess(Attachments attachments) {
    this.attachments = attachments;
  }

  /** The refusal of an attachment the caller may not have (404), as the API words it. */
  public static ProblemException notFound(String id) {
    return AttachmentProblem.notFound(id);
  }

  /** The caller's attachment's record, whatever its status; another sender's or an unknown id is not found. */
  Attachment record(String id, Caller caller) {
    return AttachmentController.id(id).flatMap(attachments::record).filter(a -> caller.actsFor(a.sender()))
        .orElseThrow(() -> AttachmentProblem.notFound(id));
  }

  /**
   * Deletes the caller's attachment; idempotent: one deleted or expired already stays so. 409 while a running
   * notification uses it.
   */
  public void delete(String id, Caller caller) {
    Attachment attachment = record(id, caller);
    try {
      attachments.delete(attachment.id());
    } catch (AttachmentInUseException e) {
      throw AttachmentProblem.inUse(e.getMessage());
    }
  }

  /** The caller's attachment's bytes, never cached without asking again (404 another's, 410 one gone). */
  public ResponseEntity<Resource> content(String id, Caller caller) {
    return answer(id, AttachmentController.id(id).flatMap(attachments::record)
        .filter(a -> caller != null && caller.actsFor(a.sender())), CacheControl.noCache().cachePrivate());
  }

  /**
   * The attachment's bytes as the answer: only the bytes Herald checked, never sniffed by the browser, and only images
   * shown inline, in a sandbox. None, or one still uploading, is not found; one deleted or expired is gone.
   */
  ResponseEntity<Resource> answer(String id, Optional<Attachment> found, CacheControl cache) {
    Attachment attachment = found.filter(a -> a.status() != AttachmentStatus.UPLOADING)
        .orElseThrow(() -> AttachmentProblem.notFound(id));
    if (!attachment.status().isStored()) {
      throw AttachmentProblem.gone(id);
    }
    MediaType type = MediaType.parseMediaType(attachment.contentType());
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition(attachment, type).toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .cacheControl(cache)
        .eTag(attachment.sha256())
        .body(new StoredContent(attachments, attachment));
  }

  /** Shown inline when an image (not SVG, which can carry script), else downloaded; named as uploaded. */
  private static ContentDisposition disposition(Attachment attachment, MediaType type) {
    boolean inline = "image".equals(type.getType()) && !type.getSubtype().startsWith("svg");
    ContentDisposition.Builder disposition = ContentDisposition.builder(inline ? "inline" : "attachment");
    if (attachment.filename() != null) {
      disposition.filename(attachment.filename(), StandardCharsets.UTF_8);
    }
    return disposition.build();
  }
}
