package dev.herald.api.console.notification;

import dev.herald.api.attachment.AttachmentAccess;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.attachment.ConsoleAttachments;
import dev.herald.api.security.Caller;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A notification's attachment for the signed-in sender (or an admin), as its key would get it from {@code GET
 * /api/v1/attachments/{id}/content}: the session is the credential, so the page holds no link that works without
 * it. A notification the caller may not see, or a file it does not hold, is the console's "Not found" page; one
 * deleted or expired its "Gone" page.
 */
@ConsoleController
class AttachmentDownloadController {

  static final String PATH = NotificationPages.PATH + "/{id}/attachments/{attachment}";

  private final ConsoleAttachments attachments;
  private final AttachmentAccess access;

  AttachmentDownloadController(ConsoleAttachments attachments, AttachmentAccess access) {
    this.attachments = attachments;
    this.access = access;
  }

  @GetMapping(PATH)
  ResponseEntity<Resource> content(@PathVariable String id, @PathVariable String attachment,
      @AuthenticationPrincipal Caller caller) {
    String owned = NotificationPages.visible(id, caller);
    if (attachments.ofNotification(owned).stream().noneMatch(a -> a.id().equals(attachment))) {
      throw AttachmentAccess.notFound(attachment);
    }
    return access.content(attachment, caller);
  }
}
