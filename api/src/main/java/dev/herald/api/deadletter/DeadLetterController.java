package dev.herald.api.deadletter;

import dev.herald.activities.deadletter.DeadLetter;
import dev.herald.activities.deadletter.DeadLetterCount;
import dev.herald.activities.deadletter.DeadLetterFilter;
import dev.herald.activities.deadletter.DeadLetterKind;
import dev.herald.activities.deadletter.DeadLetters;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeadLetterStatus;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dead letters (admin only): deliveries that failed for good and request events refused at the door.
 * List and inspect them, re-drive one or all a filter takes, discard, and count them by channel and code.
 */
@RestController
@Tag(name = ApiTags.DEAD_LETTERS)
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

  static final int MAX_PAGE_SIZE = 100;
  static final int MAX_BULK = 1_000;
  private static final String PAGE_RULE = "must be 0 or more";
  private static final String SIZE_RULE = "must be between 1 and " + MAX_PAGE_SIZE;
  private static final String LIMIT_RULE = "must be between 1 and " + MAX_BULK;
  private static final String ERROR_CODE = "the provider's error code (e.g. Twilio's 21211, an SMTP reply such as 550), "
      + "else Herald's error type (INVALID_ADDRESS, PROVIDER_UNAVAILABLE, ...) or an event's (invalid-event)";

  private final DeadLetters deadLetters;
  private final DeadLetterRedrives redrives;

  DeadLetterController(DeadLetters deadLetters, DeadLetterRedrives redrives) {
    this.deadLetters = deadLetters;
    this.redrives = redrives;
  }

  @GetMapping
  DeadLetterPage list(
      @RequestParam(required = false) DeadLetterStatus status,
      @RequestParam(required = false) DeadLetterKind kind,
      @RequestParam(required = false) Channel channel,
      @Parameter(description = ERROR_CODE) @RequestParam(required = false) String errorCode,
      @Parameter(description = "the notification's sender") @RequestParam(required = false) String sender,
      @Parameter(description = "dead-lettered at or after (inclusive)") @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
      @Parameter(description = "dead-lettered before (exclusive)") @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = PAGE_RULE) int page,
      @RequestParam(defaultValue = "20") @Min(value = 1, message = SIZE_RULE) @Max(value = MAX_PAGE_SIZE,
          message = SIZE_RULE) int size) {
    DeadLetterFilter filter = new DeadLetterFilter(status, kind, channel, errorCode, sender, since, until);
    List<DeadLetter> items = deadLetters.page(filter, size + 1, (long) page * size);
    return new DeadLetterPage(items.subList(0, Math.min(size, items.size())), page, size, items.size() > size);
  }

  /** By kind, channel and error code, the largest first: what the console shows and metrics export. */
  @GetMapping("/counts")
  List<DeadLetterCount> counts(@Parameter(description = "the dead letters in this status (default OPEN)")
      @RequestParam(defaultValue = "OPEN") DeadLetterStatus status) {
    return deadLetters.counts(status);
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{id}")
  DeadLetterView get(@PathVariable long id) {
    DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
    return new DeadLetterView(letter, letter.deliveryId() == null ? List.of() : deadLetters.attempts(letter.deliveryId()));
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE, ProblemType.UNAVAILABLE})
  @ApiResponse(responseCode = "202", description = "re-driving (or already being re-driven: nothing more happens)",
      useReturnTypeSchema = true)
  @PostMapping("/{id}/redrive")
  ResponseEntity<DeadLetter> redrive(@PathVariable long id) {
    return ResponseEntity.accepted().body(redrives.redrive(id));
  }

  /** Every open dead letter the filter takes, oldest first, up to {@code limit}; {@code more} when more are left. */
  @ProblemResponses(ProblemType.UNAVAILABLE)
  @ApiResponse(responseCode = "202", description = "the dead letters being re-driven", useReturnTypeSchema = true)
  @PostMapping("/open/redrive")
  ResponseEntity<BulkRedrive> redriveAll(
      @RequestParam(required = false) DeadLetterKind kind,
      @RequestParam(required = false) Channel channel,
      @Parameter(description = ERROR_CODE) @RequestParam(required = false) String errorCode,
      @Parameter(description = "the notification's sender") @RequestParam(required = false) String sender,
      @Parameter(description = "dead-lettered at or after (inclusive)") @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
      @Parameter(description = "dead-lettered before (exclusive)") @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
      @RequestParam(defaultValue = "100") @Min(value = 1, message = LIMIT_RULE) @Max(value = MAX_BULK,
          message = LIMIT_RULE) int limit) {
    DeadLetterFilter filter = new DeadLetterFilter(DeadLetterStatus.OPEN, kind, channel, errorCode, sender, since, until);
    return ResponseEntity.accepted().body(redrives.redriveAll(filter, limit));
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE})
  @PostMapping("/{id}/discard")
  DeadLetter discard(@PathVariable long id) {
    return redrives.discard(id);
  }
}
