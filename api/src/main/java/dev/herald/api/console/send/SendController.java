package dev.herald.api.console.send;

import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.ConsolePage;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.IdempotencyConflictException;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.notification.NotificationSubmitter;
import dev.herald.api.notification.Submission;
import dev.herald.api.security.Caller;
import dev.herald.api.template.CallerTemplates;
import dev.herald.api.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The Send page: a sender (or an admin) sends a notification by hand through the API's own submitter.
 * The form carries the idempotency key it was first shown with, so a double click or a form sent again
 * sends once. "Preview" (and the page's script, through {@code /console/send/preview}) renders the
 * template and the approval warning without sending.
 */
@ConsoleController
class SendController {

  static final String PATH = "/console/send";

  @Bean
  static ConsolePage sendPage() {
    return new ConsolePage(PATH, "Send", 10, Role.SENDER);
  }

  private final NotificationSubmitter submitter;
  private final SendFormView view;
  private final CallerTemplates templates;

  SendController(NotificationSubmitter submitter, SendFormView view, CallerTemplates templates) {
    this.submitter = submitter;
    this.templates = templates;
    this.view = view;
  }

  @GetMapping(PATH)
  String form(@RequestParam(required = false) String template, @RequestParam(required = false) String group,
      @AuthenticationPrincipal Caller caller, Model model) {
    view.form(model, SendForm.fresh(template, group), caller, FormErrors.NONE);
    return SendFormView.PAGE;
  }

  @PostMapping(PATH)
  String send(@ModelAttribute("form") SendForm form, BindingResult binding, @AuthenticationPrincipal Caller caller,
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    if (form.previewOnly()) {
      view.form(model, form, caller, FormErrors.NONE);
      return SendFormView.PAGE;
    }
    Submission submission;
    try {
      templates.requireSendable(caller, SendForm.present(form.template()));
      submission = submitter.submit(SendRequests.of(form, caller, binding), caller.keyPrefix());
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      view.form(model, form, caller, SendRequests.errors(e, form));
      return SendFormView.PAGE;
    } catch (IdempotencyConflictException e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
      view.form(model, form.withKey(SendForm.newKey()), caller, FormErrors.general("This form's idempotency key "
          + "was used before for other content (notification " + e.notificationId() + "), so nothing was sent. The "
          + "form has a new key now: check it and press Send again to send it as a new notification."));
      return SendFormView.PAGE;
    }
    redirect.addFlashAttribute("notice", submission.created()
        ? "Notification accepted (idempotency key " + form.idempotencyKey() + ")."
        : "This form was sent already (idempotency key " + form.idempotencyKey() + "): nothing was sent again.");
    return "redirect:/console/notifications/" + UriUtils.encodePathSegment(submission.id(), StandardCharsets.UTF_8);
  }

  /** The preview and the approval warning for the form as typed so far, an HTML fragment for the page's script. */
  @PostMapping(PATH + "/preview")
  String preview(@ModelAttribute("form") SendForm form, BindingResult binding, @AuthenticationPrincipal Caller caller,
      Model model) {
    view.live(model, form, caller);
    return SendFormView.LIVE;
  }
}
