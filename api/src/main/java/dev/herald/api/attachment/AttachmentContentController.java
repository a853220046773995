package dev.herald.api.attachment;

import dev.herald.activities.attachment.AttachmentLinks;
import dev.herald.activities.attachment.Attachments;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An attachment's bytes, streamed from the blob store: by its signed link (no credential: the link is the
 * capability, as an unsubscribe link is; with {@code sig}, the signature alone decides), or without one by its
 * sender's or an admin's key (SecurityConfig lets no other caller through unsigned). Only the bytes Herald checked
 * are served, never sniffed by the browser, and only images shown inline, in a sandbox.
 */
@RestController
@Tag(name = ApiTags.ATTACHMENTS)
class AttachmentContentController {

  private final Attachments attachments;
  private final AttachmentAccess access;
  private final AttachmentLinks links;
  private final Clock clock;

  AttachmentContentController(Attachments attachments, AttachmentAccess access, AttachmentLinks links, Clock clock) {
    this.attachments = attachments;
    this.access = access;
    this.links = links;
    this.clock = clock;
  }

  @Operation(description = "The file's bytes: with a download link's `exp` and `sig` no credential is needed; "
      + "without them, its sender's or an admin's key. `Range` is answered 206.")
  @ApiResponse(responseCode = "200", description = "the file", content = @Content(mediaType = "*/*",
      schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "206", description = "the part(s) a Range header asked for")
  @ProblemResponses({ProblemType.INVALID_LINK, ProblemType.NOT_FOUND, ProblemType.GONE})
  @GetMapping(AttachmentLinks.PATH)
  ResponseEntity<Resource> content(@PathVariable String id,
      @Parameter(description = "a download link's expiry (epoch seconds)")
      @RequestParam(name = AttachmentLinks.EXPIRY, required = false) Long exp,
      @Parameter(description = "a download link's signature (`<key id>.<mac>`)")
      @RequestParam(name = AttachmentLinks.SIGNATURE, required = false) String sig,
      @AuthenticationPrincipal Caller caller) {
    if (sig == null) {
      return access.content(id, caller);
    }
    Optional<UUID> uuid = AttachmentController.id(id);
    Instant until = uuid.flatMap(u -> links.verify(u, exp, sig)).orElseThrow(AttachmentProblem::invalidLink);
    CacheControl cache = CacheControl.maxAge(Duration.ofSeconds(Math.max(0,
        until.getEpochSecond() - clock.instant().getEpochSecond()))).cachePrivate();
    return access.answer(id, uuid.flatMap(attachments::record), cache);
  }
}
