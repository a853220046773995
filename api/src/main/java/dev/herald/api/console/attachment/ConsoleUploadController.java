package dev.herald.api.console.attachment;

import dev.herald.api.attachment.AttachmentAccess;
import dev.herald.api.attachment.AttachmentUploads;
import dev.herald.api.attachment.AttachmentView;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Owners;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The send form's uploads, by the console session (its cookie never reaches /api): the file's bytes as the body,
 * streamed into the store by the API's own upload ({@link AttachmentUploads}), and the delete of one removed before
 * sending. A script's calls, so a refusal is the API's problem document (413, 415, 404, 409), not a page. An admin's
 * upload is the sender its form sends as.
 */
@RestController
class ConsoleUploadController {

  private final AttachmentUploads uploads;
  private final AttachmentAccess access;

  ConsoleUploadController(AttachmentUploads uploads, AttachmentAccess access) {
    this.uploads = uploads;
    this.access = access;
  }

  @PostMapping(AttachmentUploads.CONSOLE_PATH)
  ResponseEntity<AttachmentView> upload(HttpServletRequest request, @RequestParam(required = false) String filename,
      @RequestParam(required = false) String sender, @AuthenticationPrincipal Caller caller) throws IOException {
    String whose = Owners.of(caller, sender == null || sender.isBlank() ? null : sender.strip());
    return ResponseEntity.status(HttpStatus.CREATED).body(AttachmentView.of(uploads.upload(request, whose, filename)));
  }

  @DeleteMapping(AttachmentUploads.CONSOLE_PATH + "/{id}")
  ResponseEntity<Void> delete(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
    access.delete(id, caller);
    return ResponseEntity.noContent().build();
  }
}
