package dev.herald.api.console.recipient;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.preference.PreferenceStore;
import dev.herald.activities.preference.QuietHoursSetting;
import dev.herald.activities.recipient.StoredRecipient;
import dev.herald.api.console.ConsoleController;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.preference.QuietHoursInput;
import dev.herald.api.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A stored recipient's quiet hours on its page: set (start, end, an optional zone) or remove them, in
 * the store the send path reads (docs/preferences.md#quiet-hours).
 */
@ConsoleController
class RecipientQuietHoursController {

  static final String PATH = RecipientListController.PATH + "/quiet-hours";

  private final PreferenceStore preferences;
  private final RecipientPage page;
  private final ObjectMapper json;

  RecipientQuietHoursController(PreferenceStore preferences, RecipientPage page, ObjectMapper json) {
    this.preferences = preferences;
    this.page = page;
    this.json = json;
  }

  /** {@code action}: "save", or "remove" to have none. */
  @PostMapping(PATH)
  String set(@RequestParam String id, @RequestParam(name = "quietHours.start", defaultValue = "") String start,
      @RequestParam(name = "quietHours.end", defaultValue = "") String end,
      @RequestParam(name = "quietHours.timeZone", defaultValue = "") String timeZone,
      @RequestParam(defaultValue = "save") String action, @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller, Model model, HttpServletResponse response, RedirectAttributes flash) {
    OwnerChoice whose = OwnerChoice.of(caller, owner);
    StoredRecipient stored = page.stored(whose, id);
    if ("remove".equals(action)) {
      preferences.setQuietHours(whose.whose(), id, null);
      flash.addFlashAttribute("preferenceNotice", "Removed " + id + "'s quiet hours: sends go out at any hour.");
      return back(whose, id);
    }
    QuietHoursSetting quiet;
    try {
      quiet = QuietHoursInput.parse(start, end, timeZone);
    } catch (InvalidRequestException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("quietForm", new QuietHoursForm(start, end, timeZone));
      model.addAttribute("quietErrors", FormErrors.of(e, QuietHoursForm.FIELDS));
      return page.show(model, whose, RecipientForm.of(stored, json), stored, FormErrors.NONE, PreferenceForm.BLANK,
          FormErrors.NONE);
    }
    preferences.setQuietHours(whose.whose(), id, quiet);
    flash.addFlashAttribute("preferenceNotice", "Quiet hours for " + id + ": " + quiet.start() + " to " + quiet.end()
        + (quiet.timeZone() == null ? " in its own time zone (UTC when it has none)" : " in " + quiet.timeZone()) + ".");
    return back(whose, id);
  }

  private static String back(OwnerChoice whose, String id) {
    return "redirect:" + whose.url(RecipientEditController.EDIT, "id", id) + "#quiet-hours";
  }
}
