package dev.herald.api.console.recipient;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.preference.PreferenceStore;
import dev.herald.activities.preference.Scope;
import dev.herald.activities.recipient.StoredRecipient;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A stored recipient's preferences on its page: opt it out of (or, inside a wider opt-out, back into)
 * everything, a channel, a category or a category on one channel, and remove a rule. Written to the
 * same store the send path reads right before each send, with the source {@value #SOURCE}.
 */
@ConsoleController
class RecipientPreferencesController {

  static final String PATH = RecipientListController.PATH + "/preferences";
  static final String REMOVE = PATH + "/remove";
  static final String SOURCE = "console";
  static final String OPT_IN = "in";

  private final PreferenceStore preferences;
  private final RecipientPage page;
  private final ObjectMapper json;

  RecipientPreferencesController(PreferenceStore preferences, RecipientPage page, ObjectMapper json) {
    this.preferences = preferences;
    this.page = page;
    this.json = json;
  }

  /** {@code choice}: "out" (the Opt out button) or {@value #OPT_IN} (Opt in). */
  @PostMapping(PATH)
  String set(@RequestParam String id, @ModelAttribute PreferenceForm form,
      @RequestParam(defaultValue = "out") String choice, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, Model model, HttpServletResponse response, RedirectAttributes flash) {
    OwnerChoice whose = OwnerChoice.of(caller, owner);
    StoredRecipient stored = page.stored(whose, id);
    Scope scope;
    try {
      scope = form.scope();
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page.show(model, whose, RecipientForm.of(stored, json), stored, FormErrors.NONE, form,
          FormErrors.of(e, PreferenceForm.FIELDS));
    }
    boolean optedOut = !OPT_IN.equals(choice);
    preferences.set(whose.whose(), id, scope, optedOut, SOURCE);
    flash.addFlashAttribute("preferenceNotice", optedOut
        ? "Opted " + id + " out of " + scope.described() + "."
        : "Opted " + id + " in to " + scope.described() + ": it gets these even inside a wider opt-out.");
    return back(whose, id);
  }

  @PostMapping(REMOVE)
  String remove(@RequestParam String id, @ModelAttribute PreferenceForm form,
      @RequestParam(required = false) String owner, @AuthenticationPrincipal Caller caller, RedirectAttributes flash) {
    OwnerChoice whose = OwnerChoice.of(caller, owner);
    page.stored(whose, id);
    Scope scope = form.scope();
    flash.addFlashAttribute("preferenceNotice", preferences.delete(whose.whose(), id, scope)
        ? "Removed the rule for " + scope.described() + ": a wider rule, if any, decides there now."
        : "There was no rule for " + scope.described() + " any more: nothing was changed.");
    return back(whose, id);
  }

  private static String back(OwnerChoice whose, String id) {
    return "redirect:" + whose.url(RecipientEditController.EDIT, "id", id) + "#preferences";
  }
}
