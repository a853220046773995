package dev.herald.api.inbox;

import dev.herald.activities.inapp.Inbox;
import dev.herald.activities.inapp.InboxItem;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.problem.ProblemResponses;
import dev.herald.api.problem.ProblemType;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import dev.herald.api.inbox.RecipientIds.InboxOf;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Owners;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A recipient's in-app inbox: list (newest first, cursor paging), unread count, mark read/unread.
 * A recipient token sees its own inbox; a sender or admin names the recipient by {@code recipientId}.
 * An inbox is a recipient id of one sender ({@link RecipientIds}): the same id of another sender is
 * another inbox.
 */
@RestController
@Tag(name = ApiTags.INBOX)
@RequestMapping("/api/v1/inbox")
class InboxController {

  static final int MAX_LIMIT = 100;
  static final String LIMIT_RULE = "must be between 1 and " + MAX_LIMIT;

  private final Inbox inbox;
  private final Clock clock;

  InboxController(Inbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  @GetMapping
  InboxPage list(
      @RequestParam(required = false) String recipientId,
      @RequestParam(defaultValue = "false") boolean unreadOnly,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "20") @Min(value = 1, message = LIMIT_RULE) @Max(value = MAX_LIMIT,
          message = LIMIT_RULE) int limit,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    InboxOf of = RecipientIds.of(caller, recipientId, owner);
    if (before != null && inbox.find(of.owner(), of.recipientId(), before).isEmpty()) {
      throw new InvalidRequestException("before", "is not an item of this inbox; use nextBefore of the previous page");
    }
    List<InboxItem> found = inbox.newestFirst(of.owner(), of.recipientId(), unreadOnly, before, limit + 1);
    List<InboxItemView> page = found.stream().limit(limit).map(InboxItemView::of).toList();
    Long nextBefore = found.size() > limit ? page.get(limit - 1).id() : null;
    return new InboxPage(page, nextBefore);
  }

  @GetMapping("/unread-count")
  UnreadCount unreadCount(@RequestParam(required = false) String recipientId,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    InboxOf of = RecipientIds.of(caller, recipientId, owner);
    return new UnreadCount(of.recipientId(), inbox.unreadCount(of.owner(), of.recipientId()));
  }

  /** Marks read; marking a read item again keeps the time it was first read. */
  @ProblemResponses(ProblemType.NOT_FOUND)
  @PostMapping("/{itemId}/read")
  InboxItemView read(@PathVariable long itemId, @RequestParam(required = false) String recipientId,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    InboxOf of = RecipientIds.of(caller, recipientId, owner);
    return found(inbox.markRead(of.owner(), of.recipientId(), itemId, clock.instant()), itemId);
  }

  @ProblemResponses(ProblemType.NOT_FOUND)
  @PostMapping("/{itemId}/unread")
  InboxItemView unread(@PathVariable long itemId, @RequestParam(required = false) String recipientId,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    InboxOf of = RecipientIds.of(caller, recipientId, owner);
    return found(inbox.markUnread(of.owner(), of.recipientId(), itemId), itemId);
  }

  private static InboxItemView found(Optional<InboxItem> item, long itemId) {
    return item.map(InboxItemView::of).orElseThrow(() -> new InboxItemNotFoundException(itemId));
  }
}
