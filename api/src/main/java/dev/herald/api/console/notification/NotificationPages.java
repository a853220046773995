package dev.herald.api.console.notification;

import dev.herald.activities.delivery.NotificationHistory;
import dev.herald.activities.text.TextRules;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsoleFrame;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.console.FormErrors;
import dev.herald.api.console.attachment.ConsoleAttachments;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.NotificationAccess;
import dev.herald.api.notification.NotificationControl;
import dev.herald.api.notification.NotificationNotFoundException;
import dev.herald.api.notification.NotificationReader;
import dev.herald.api.notification.NotificationStateException;
import dev.herald.api.notification.NotificationView;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Role;
import dev.herald.worker.temporal.TemporalProperties;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The console's notifications: history filtered and paged, a notification's detail with its live
 * progress, its attachments and why deliveries were skipped, and pause, resume and cancel. A sender sees its own, an admin every sender's
 * ({@link NotificationAccess}, as the REST API); another sender's notification is not found.
 */
@ConsoleController
class NotificationPages {

  static final String PATH = "/console/notifications";
  static final int PAGE_SIZE = 20;
  /** The skip reasons a notification's page lists, the most frequent first. */
  static final int SKIP_REASONS_SHOWN = 20;

  private final NotificationReader reader;
  private final NotificationHistory history;
  private final NotificationControl control;
  private final ProgressStreams streams;
  private final ConsoleAttachments attachments;
  private final String namespace;

  NotificationPages(NotificationReader reader, NotificationHistory history, NotificationControl control,
      ProgressStreams streams, ConsoleAttachments attachments, TemporalProperties temporal) {
    this.reader = reader;
    this.history = history;
    this.control = control;
    this.streams = streams;
    this.attachments = attachments;
    this.namespace = temporal.namespace();
  }

  @Bean
  static ConsolePage notificationsPage() {
    return new ConsolePage(PATH, "Notifications", 20, Role.SENDER);
  }

  @GetMapping(PATH)
  String list(@ModelAttribute("filters") HistoryForm filters, @RequestParam(required = false) String page,
      @AuthenticationPrincipal Caller caller, HttpServletRequest request, HttpServletResponse response, Model model) {
    model.addAttribute("statuses", NotificationStatus.values());
    model.addAttribute("channels", Channel.values());
    model.addAttribute("priorities", Priority.values());
    model.addAttribute("errors", FormErrors.NONE);
    try {
      int number = pageNumber(page);
      model.addAttribute("page", reader.history(filters.filter(), caller, number, PAGE_SIZE));
      String query = filters.query();
      model.addAttribute("pagerBase", request.getContextPath() + PATH + (query.isEmpty() ? "" : "?" + query));
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("errors", FormErrors.of(e, HistoryForm.FIELDS));
    }
    return "console/notifications/list";
  }

  @GetMapping(PATH + "/{id}")
  String detail(@PathVariable String id, @RequestParam(required = false) String confirm,
      @AuthenticationPrincipal Caller caller, @ModelAttribute(name = "frame", binding = false) ConsoleFrame frame,
      Model model) {
    NotificationView notification = reader.find(visible(id, caller))
        .orElseThrow(() -> new NotificationNotFoundException(id));
    model.addAttribute("n", notification);
    model.addAttribute("progress", ProgressEvent.of(notification));
    model.addAttribute("skipped", notification.progress().skipped() == 0 ? List.of()
        : history.skipped(notification.id(), SKIP_REASONS_SHOWN));
    model.addAttribute("attachments", attachments.ofNotification(notification.id()));
    model.addAttribute("confirmCancel", "cancel".equals(confirm) && !notification.status().isFinal());
    model.addAttribute("deliveriesShown", NotificationReader.MAX_DELIVERIES_SHOWN);
    model.addAttribute("workflowUrl", frame.temporalUiUrl() == null ? null : frame.temporalUiUrl() + "/namespaces/"
        + segment(namespace) + "/workflows/" + segment(id));
    return "console/notifications/detail";
  }

  /**
   * The notification's progress as server-sent events, until it is final ({@link ProgressStreams}). Another
   * sender's or an unknown one is a bare 404: an EventSource asks for an event stream, not an error page.
   */
  @GetMapping(PATH + "/{id}/progress")
  ResponseEntity<SseEmitter> progress(@PathVariable String id, @AuthenticationPrincipal Caller caller) {
    try {
      String owned = visible(id, caller);
      if (reader.summary(owned).isPresent()) {
        return ResponseEntity.ok(streams.open(owned));
      }
    } catch (NotificationNotFoundException notVisible) {
      // another sender's: as an unknown one
    }
    return ResponseEntity.notFound().build();
  }

  @PostMapping(PATH + "/{id}/pause")
  String pause(@PathVariable String id, @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
    return steer(id, caller, control::pause, "Pausing: no new batch starts until you resume; the batches in flight "
        + "finish.", flash);
  }

  @PostMapping(PATH + "/{id}/resume")
  String resume(@PathVariable String id, @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
    return steer(id, caller, control::resume, "Resuming: the next batches start.", flash);
  }

  @PostMapping(PATH + "/{id}/cancel")
  String cancel(@PathVariable String id, @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
    return steer(id, caller, control::cancel, "Cancelling: what was not sent yet will not be sent.", flash);
  }

  private String steer(String id, Caller caller, Consumer<String> action, String notice, RedirectAttributes flash) {
    try {
      action.accept(visible(id, caller));
      flash.addFlashAttribute("notice", notice);
    } catch (NotificationStateException e) {
      flash.addFlashAttribute("refusal", "Nothing was changed: " + e.getMessage() + ".");
    }
    return "redirect:" + PATH + "/" + segment(id);
  }

  /** The id when the caller may see it; an id no notification can have (a control character) is simply not found. */
  static String visible(String id, Caller caller) {
    if (TextRules.line(id, HistoryForm.MAX_TEXT_CHARS).isPresent()) {
      throw new NotificationNotFoundException("(not a notification id)");
    }
    return NotificationAccess.owned(id, caller);
  }

  /** A page number as the pager's links give it; anything else is the first page. */
  private static int pageNumber(String page) {
    try {
      return page == null ? 0 : Math.max(0, Integer.parseInt(page));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String segment(String text) {
    return UriUtils.encodePathSegment(text, StandardCharsets.UTF_8);
  }
}
