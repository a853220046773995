package dev.herald.api.console.recipient;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.recipient.Recipients;
import dev.herald.activities.recipient.StoredRecipient;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.recipient.RecipientNotFoundException;
import dev.herald.api.recipient.RecipientRequest;
import dev.herald.api.recipient.RecipientWrites;
import dev.herald.api.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One recipient: create, edit (the whole recipient, by the rules of {@code PUT
 * /api/v1/recipients/{id}}) and delete after a second step. The id travels as a query parameter, so
 * every id the API stores (with ';' or '%', which a path may not carry) has its page.
 */
@ConsoleController
class RecipientEditController {

  static final String NEW = RecipientListController.PATH + "/new";
  static final String EDIT = RecipientListController.PATH + "/edit";
  static final String DELETE = RecipientListController.PATH + "/delete";

  private final Recipients recipients;
  private final RecipientWrites writes;
  private final RecipientPage page;
  private final ObjectMapper json;

  RecipientEditController(Recipients recipients, RecipientWrites writes, RecipientPage page, ObjectMapper json) {
    this.recipients = recipients;
    this.writes = writes;
    this.page = page;
    this.json = json;
  }

  @GetMapping(NEW)
  String blank(@RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller, Model model) {
    return page.blank(model, OwnerChoice.of(caller, owner), RecipientForm.blank(), FormErrors.NONE);
  }

  @PostMapping(NEW)
  String create(@ModelAttribute RecipientForm form, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, Model model, HttpServletResponse response, RedirectAttributes flash) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    try {
      RecipientRequest request = form.check(form.id(), writes, json);
      if (recipients.find(choice.whose(), form.id()).isPresent()) {
        throw new InvalidRequestException("id", "is taken by another of the recipients here: edit that one instead");
      }
      writes.put(choice.whose(), form.id(), request);
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page.blank(model, choice, form, FormErrors.of(e, RecipientForm.FIELDS));
    }
    flash.addFlashAttribute("notice", "Recipient " + form.id() + " created.");
    return "redirect:" + choice.url(EDIT, "id", form.id());
  }

  @GetMapping(EDIT)
  String edit(@RequestParam String id, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, Model model) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    StoredRecipient stored = page.stored(choice, id);
    return page.show(model, choice, RecipientForm.of(stored, json), stored, FormErrors.NONE, PreferenceForm.BLANK,
        FormErrors.NONE);
  }

  @PostMapping(EDIT)
  String save(@RequestParam String id, @ModelAttribute RecipientForm form, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, Model model, HttpServletResponse response, RedirectAttributes flash) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    StoredRecipient stored = page.stored(choice, id);
    try {
      writes.put(choice.whose(), id, form.check(id, writes, json));
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page.show(model, choice, form, stored, FormErrors.of(e, RecipientForm.FIELDS), PreferenceForm.BLANK,
          FormErrors.NONE);
    }
    flash.addFlashAttribute("notice", "Recipient " + id + " saved.");
    return "redirect:" + choice.url(EDIT, "id", id);
  }

  @GetMapping(DELETE)
  String confirmDelete(@RequestParam String id, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, Model model) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    model.addAttribute("recipient", page.stored(choice, id));
    model.addAttribute("choice", choice);
    return "console/recipient/delete";
  }

  @PostMapping(DELETE)
  String delete(@RequestParam String id, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
    OwnerChoice choice = OwnerChoice.of(caller, owner);
    if (!recipients.delete(choice.whose(), id)) {
      throw new RecipientNotFoundException(id);
    }
    flash.addFlashAttribute("notice", "Recipient " + id + " deleted.");
    return "redirect:" + choice.url(RecipientListController.PATH);
  }
}
