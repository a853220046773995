package dev.herald.api.console.recipient;

import dev.herald.activities.recipient.ImportFormat;
import dev.herald.activities.recipient.ImportResult;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.problem.ProblemException;
import dev.herald.api.recipient.RecipientWrites;
import dev.herald.api.security.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The Recipients page's import: recipient.js sends the file's bytes as they are (CSV or JSON lines,
 * with the CSRF header), streamed into the import of {@code POST /api/v1/recipients/import}, never
 * held whole; the answer is the import's JSON, or a refusal as {@code {title, detail}}.
 */
@ConsoleController
class RecipientImportController {

  private final RecipientWrites writes;

  RecipientImportController(RecipientWrites writes) {
    this.writes = writes;
  }

  @PostMapping(path = RecipientWrites.CONSOLE_IMPORT_PATH, consumes = {RecipientWrites.CSV, RecipientWrites.JSON_LINES},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ImportResult importFile(InputStream body, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
      @RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller) throws IOException {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    ImportFormat format = RecipientWrites.format(type).orElseThrow();
    return writes.importRows(choice.whose(), body, format);
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Map<String, String>> refused(ProblemException e) {
    return ResponseEntity.status(e.type().status()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("title", e.type().title(), "detail", e.getMessage()));
  }
}
