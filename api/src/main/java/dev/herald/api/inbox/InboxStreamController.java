package dev.herald.api.inbox;

import dev.herald.api.openapi.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Owners;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/inbox/stream?token=…} (a recipient token: EventSource sends no headers; a
 * sender or admin key names {@code recipientId}): the recipient's new inbox items, live, as
 * Server-Sent Events named {@code item} (data: the item's JSON, id: the item id) and a comment
 * heartbeat. A reconnecting EventSource sends {@code Last-Event-ID} and gets the items it missed; a
 * page that starts a new EventSource can pass the last id it saw as {@code lastEventId}.
 */
@RestController
@Tag(name = ApiTags.INBOX)
class InboxStreamController {

  private final InboxStreams streams;

  InboxStreamController(InboxStreams streams) {
    this.streams = streams;
  }

  @GetMapping(path = "/api/v1/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(
      @RequestParam(required = false) String recipientId,
      @RequestParam(required = false) Long lastEventId,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    RecipientIds.InboxOf of = RecipientIds.of(caller, recipientId, owner);
    return streams.open(of.owner(), of.recipientId(), resumeAfter(lastEventIdHeader, lastEventId));
  }

  /** The header (set by EventSource on a reconnect) wins over the parameter; an id not ours counts as none. */
  static Long resumeAfter(String header, Long parameter) {
    if (header != null && !header.isBlank()) {
      try {
        long id = Long.parseLong(header.trim());
        return id >= 0 ? id : null;
      } catch (NumberFormatException notOurs) {
        return null;
      }
    }
    return parameter == null || parameter < 0 ? null : parameter;
  }
}
