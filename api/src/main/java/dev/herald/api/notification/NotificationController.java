package dev.herald.api.notification;

import dev.herald.activities.delivery.HistoryFilter;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import dev.herald.workflows.approval.FourEyes;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import dev.herald.api.security.Caller;
import dev.herald.api.template.CallerTemplates;
import java.time.Instant;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notifications API: send, look up, list history, approve or reject, pause and resume a broadcast, cancel. */
@RestController
@Tag(name = ApiTags.NOTIFICATIONS)
@RequestMapping("/api/v1/notifications")
class NotificationController {

  static final int MAX_PAGE_SIZE = 100;
  static final String PAGE_RULE = "must be 0 or more";
  static final String SIZE_RULE = "must be between 1 and " + MAX_PAGE_SIZE;
  static final int MAX_COMMENT_CHARS = FourEyes.MAX_COMMENT_CHARS;
  static final int MAX_APPROVER_CHARS = FourEyes.MAX_APPROVER_CHARS;
  static final String SENDER_FILTER = "the sender's notifications: an admin's choice; a sender key sees its own only "
      + "(naming another sender, it gets an empty page)";
  static final String RECIPIENT_FILTER = "notifications with a delivery to this recipient id or address (email, phone, "
      + "push token, Slack id), exactly as sent";

  private final NotificationSubmitter submitter;
  private final NotificationReader reader;
  private final NotificationControl control;
  private final CallerTemplates templates;
  private final DoorMeters meters;

  NotificationController(NotificationSubmitter submitter, NotificationReader reader, NotificationControl control,
      CallerTemplates templates, DoorMeters meters) {
    this.meters = meters;
    this.submitter = submitter;
    this.reader = reader;
    this.control = control;
    this.templates = templates;
  }

  /** 202 when a new notification was accepted; 200 with the same id for a repeat of an earlier request. */
  @ProblemResponses({ProblemType.IDEMPOTENCY_KEY_REUSED, ProblemType.UNAVAILABLE})
  @ApiResponse(responseCode = "202", description = "a new notification, accepted: its workflow exists", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "200", description = "a repeat of an earlier request: the same notification, nothing sent again", useReturnTypeSchema = true)
  @PostMapping
  ResponseEntity<Submission> send(@RequestBody SendNotificationRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String headerKey,
      @AuthenticationPrincipal Caller caller, HttpServletRequest http) {
    meters.request(DoorMeters.Source.REST, request.priority(), http.getContentLengthLong());
    templates.requireSendable(caller, request.template());
    Submission submission = submitter.submit(
        CallerRequests.withKey(CallerRequests.asCaller(request, caller), headerKey), caller.keyPrefix());
    return ResponseEntity.status(submission.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(submission);
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @GetMapping("/{id}")
  NotificationView get(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
    return reader.find(NotificationAccess.owned(id, caller)).orElseThrow(() -> new NotificationNotFoundException(id));
  }

  @GetMapping
  NotificationPage history(
      @RequestParam(required = false) NotificationStatus status,
      @Parameter(description = "any of the notification's channels") @RequestParam(required = false) Channel channel,
      @RequestParam(required = false) Priority priority,
      @Parameter(description = SENDER_FILTER) @RequestParam(required = false) String sender,
      @Parameter(description = "the key of the template it rendered") @RequestParam(required = false) String template,
      @Parameter(description = RECIPIENT_FILTER) @RequestParam(required = false) String recipient,
      @Parameter(description = "created at or after (inclusive)") @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
      @Parameter(description = "created before (exclusive)") @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
      @RequestParam(defaultValue = "0") @Min(value = 0, message = PAGE_RULE) int page,
      @RequestParam(defaultValue = "20") @Min(value = 1, message = SIZE_RULE) @Max(value = MAX_PAGE_SIZE,
          message = SIZE_RULE) int size,
      @AuthenticationPrincipal Caller caller) {
    return reader.history(new HistoryFilter(status, channel, priority, sender, template, recipient, since, until),
        caller, page, size);
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.FOUR_EYES, ProblemType.WRONG_STATE, ProblemType.UNAVAILABLE})
  @ApiResponse(responseCode = "202", description = "the decision, signalled", useReturnTypeSchema = true)
  @PostMapping("/{id}/approval")
  ResponseEntity<ApprovalDecision> decide(@PathVariable String id, @Valid @RequestBody ApprovalRequest request,
      @AuthenticationPrincipal Caller caller) {
    if (request.approver() != null && !request.approver().equals(caller.sender())) {
      throw new InvalidRequestException("approver", "is taken from your API key ('" + caller.sender()
          + "'): leave it out");
    }
    return ResponseEntity.accepted().body(control.decide(id, request.decision(), request.comment(), caller));
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE, ProblemType.UNAVAILABLE})
  @ApiResponse(responseCode = "202", description = "cancelling", useReturnTypeSchema = true)
  @PostMapping("/{id}/cancel")
  ResponseEntity<Map<String, String>> cancel(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
    control.cancel(NotificationAccess.owned(id, caller));
    return ResponseEntity.accepted().body(Map.of("id", id, "status", "CANCELLING"));
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE, ProblemType.UNAVAILABLE})
  @ApiResponse(responseCode = "202", description = "pausing", useReturnTypeSchema = true)
  @PostMapping("/{id}/pause")
  ResponseEntity<Map<String, String>> pause(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
    control.pause(NotificationAccess.owned(id, caller));
    return ResponseEntity.accepted().body(Map.of("id", id, "status", "PAUSING"));
  }

  @ProblemResponses({ProblemType.NOT_FOUND, ProblemType.WRONG_STATE, ProblemType.UNAVAILABLE})
  @ApiResponse(responseCode = "202", description = "resuming", useReturnTypeSchema = true)
  @PostMapping("/{id}/resume")
  ResponseEntity<Map<String, String>> resume(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
    control.resume(NotificationAccess.owned(id, caller));
    return ResponseEntity.accepted().body(Map.of("id", id, "status", "RESUMING"));
  }
}
