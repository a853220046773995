package dev.herald.api.recipient;

import dev.herald.activities.recipient.ImportFormat;
import dev.herald.activities.recipient.ImportResult;
import dev.herald.activities.recipient.Recipients;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Owners;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Recipients by the sender's own id: create or replace, read, list by id, delete, and bulk import
 * (JSON lines or CSV, streamed). Ids are unique per owner (the sender): a call works on the caller's
 * own recipients ({@link Owners}), so another sender's id is unknown here (404), never a conflict.
 */
@RestController
@Tag(name = ApiTags.RECIPIENTS)
@RequestMapping("/api/v1/recipients")
class RecipientController {

  private final Recipients recipients;
  private final RecipientWrites writes;

  RecipientController(Recipients recipients, RecipientWrites writes) {
    this.recipients = recipients;
    this.writes = writes;
  }

  @ApiResponse(responseCode = "201", description = "created", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "200", description = "replaced", useReturnTypeSchema = true)
  @PutMapping("/{id}")
  ResponseEntity<RecipientView> put(@PathVariable String id, @RequestBody RecipientRequest request,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      UriComponentsBuilder uri, @AuthenticationPrincipal Caller caller) {
    RecipientWrites.Put put = writes.put(Owners.of(caller, owner), id, request);
    RecipientView view = RecipientView.of(put.recipient());
    return put.created()
        ? ResponseEntity.created(uri.path("/api/v1/recipients/{id}").buildAndExpand(id).encode().toUri()).body(view)
        : ResponseEntity.ok(view);
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{id}")
  RecipientView get(@PathVariable String id,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    return recipients.find(Owners.of(caller, owner), id).map(RecipientView::of)
        .orElseThrow(() -> new RecipientNotFoundException(id));
  }

  @GetMapping
  CursorPage<RecipientView> list(@RequestParam(required = false) String after,
      @RequestParam(required = false) Integer limit,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    String whose = Owners.of(caller, owner);
    int size = Paging.limit(limit);
    return CursorPage.of(recipients.page(whose, after, size + 1).stream().map(RecipientView::of).toList(), size,
        RecipientView::id);
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @ApiResponse(responseCode = "204", description = "deleted", useReturnTypeSchema = true)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    if (!recipients.delete(Owners.of(caller, owner), id)) {
      throw new RecipientNotFoundException(id);
    }
    return ResponseEntity.noContent().build();
  }

  /** Rows are read from the body as it arrives and written in batches; the counts come at the end. */
  @PostMapping(path = "/import", consumes = RecipientWrites.JSON_LINES)
  ImportResult importJsonLines(InputStream body,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) throws IOException {
    return writes.importRows(Owners.of(caller, owner), body, ImportFormat.JSON_LINES);
  }

  @PostMapping(path = "/import", consumes = RecipientWrites.CSV)
  ImportResult importCsv(InputStream body,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) throws IOException {
    return writes.importRows(Owners.of(caller, owner), body, ImportFormat.CSV);
  }
}
