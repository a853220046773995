package dev.herald.api.console.approval;

import dev.herald.api.approval.ApprovalQueue;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.ApprovalRequest;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.NotificationControl;
import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.RequestValidation;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Role;
import dev.herald.workflows.approval.FourEyes;
import dev.herald.workflows.messages.Decision;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' approvals: the sends waiting for a decision (the API's queue) with who asked, the
 * audience and a preview, and approve or reject with a comment through the API's decision, four-eyes
 * included: the admin who asked sees no buttons, and a decision it posts anyway is refused.
 */
@ConsoleController
class ApprovalsPageController {

  static final String PATH = "/console/approvals";
  static final int PAGE_SIZE = 20;
  private static final String DECIDED = "decided";
  private static final List<String> FIELDS = List.of("decision", "comment");

  private final ApprovalQueue queue;
  private final ApprovalPreviews previews;
  private final NotificationControl control;
  private final RequestValidation validation;

  ApprovalsPageController(ApprovalQueue queue, ApprovalPreviews previews, NotificationControl control,
      RequestValidation validation) {
    this.queue = queue;
    this.previews = previews;
    this.control = control;
    this.validation = validation;
  }

  @Bean
  static ConsolePage approvalsPage() {
    return new ConsolePage(PATH, "Approvals", 30, Role.ADMIN);
  }

  /** After a decision, the send just decided is left out while the delivery log catches up with its new status. */
  @GetMapping(PATH)
  String list(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal Caller caller, Model model) {
    return page(Math.max(page, 0), (String) model.getAttribute(DECIDED), caller, model);
  }

  @PostMapping(PATH + "/decision")
  String decide(@RequestParam(defaultValue = "") String id, @RequestParam(required = false) String decision,
      @RequestParam(defaultValue = "") String comment, @AuthenticationPrincipal Caller caller, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    Decision chosen = FourEyes.decisionOf(decision).orElse(null);
    String note = comment.isBlank() ? null : comment;
    List<FieldViolation> violations = validation.violations(new ApprovalRequest(chosen, note, null));
    if (!violations.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("failedId", id).addAttribute("comment", comment)
          .addAttribute("errors", FormErrors.of(new InvalidRequestException(violations), FIELDS));
      return page(0, null, caller, model);
    }
    try {
      control.decide(id, chosen, note, caller);
    } catch (ProblemException e) {
      response.setStatus(e.type().status().value());
      model.addAttribute("failedId", id).addAttribute("comment", comment)
          .addAttribute("failure", e.type().title() + ": " + e.getMessage());
      return page(0, null, caller, model);
    }
    redirect.addFlashAttribute("notice", (chosen == Decision.APPROVE ? "Approved " : "Rejected ") + id + ".");
    redirect.addFlashAttribute(DECIDED, id);
    return "redirect:" + PATH;
  }

  private String page(int page, String decided, Caller caller, Model model) {
    ApprovalQueue.Page waiting = queue.page(page, PAGE_SIZE);
    List<ApprovalCard> cards = waiting.items().stream()
        .filter(item -> !item.notificationId().equals(decided))
        .map(item -> new ApprovalCard(item, previews.of(item.notificationId()), item.refusalFor(caller).orElse(null)))
        .toList();
    model.addAttribute("cards", cards).addAttribute("page", waiting.page()).addAttribute("more", waiting.hasNext());
    return "console/approval/approvals";
  }
}
