package dev.herald.api.attachment;

import dev.herald.activities.attachment.Attachment;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Attachments: a file uploaded once, streamed into the blob store, that notifications name by id. A
 * sender sees and deletes its own; another sender's id is not found (404), as an unknown one, so ids
 * do not leak; an admin reaches every sender's. An upload is the caller's sender's.
 */
@RestController
@Tag(name = ApiTags.ATTACHMENTS)
@RequestMapping(AttachmentUploads.PATH)
class AttachmentController {

  private final AttachmentAccess access;
  private final AttachmentUploads uploads;

  AttachmentController(AttachmentAccess access, AttachmentUploads uploads) {
    this.access = access;
    this.uploads = uploads;
  }

  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "the file: the part 'file' of a "
      + "multipart/form-data body, or the whole body with the file's own Content-Type (its name by the filename "
      + "parameter or a Content-Disposition header)", content = {
        @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = UploadForm.class)),
        @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
  @ApiResponse(responseCode = "201", description = "stored", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<AttachmentView> upload(HttpServletRequest request,
      @Parameter(description = "the file's name, for a raw body (else its Content-Disposition's)")
      @RequestParam(required = false) String filename,
      UriComponentsBuilder uri, @AuthenticationPrincipal Caller caller) throws IOException {
    Attachment stored = uploads.upload(request, caller.sender(), filename);
    return ResponseEntity.created(uri.path(AttachmentUploads.PATH + "/{id}").buildAndExpand(stored.id()).toUri())
        .body(AttachmentView.of(stored));
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{id}")
  AttachmentView get(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
    return Optional.of(access.record(id, caller)).filter(a -> a.status().isStored()).map(AttachmentView::of)
        .orElseThrow(() -> AttachmentProblem.notFound(id));
  }

  /** Idempotent: one already deleted or expired answers 204 again; one a running notification uses is a 409. */
  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE})
  @ApiResponse(responseCode = "204", description = "deleted (or gone already)", useReturnTypeSchema = true)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
    access.delete(id, caller);
    return ResponseEntity.noContent().build();
  }

  /** An id that is no UUID names no attachment. */
  static Optional<UUID> id(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /** The multipart form's one field, as the OpenAPI document describes it. */
  record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file) {}
}
