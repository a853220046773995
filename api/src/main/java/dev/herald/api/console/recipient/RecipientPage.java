package dev.herald.api.console.recipient;

import dev.herald.activities.preference.Categories;
import dev.herald.activities.preference.Category;
import dev.herald.activities.preference.PreferenceStore;
import dev.herald.activities.recipient.RecipientRules;
import dev.herald.activities.recipient.Recipients;
import dev.herald.activities.recipient.StoredRecipient;
import dev.herald.api.console.FormErrors;
import dev.herald.api.notification.NotificationSettings;
import dev.herald.api.recipient.RecipientNotFoundException;
import dev.herald.workflows.messages.Channel;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The recipient page (a new one's form, or a stored one's with its preferences), for the controllers
 * that show it again with the errors of one of its forms.
 */
@Component
class RecipientPage {

  static final String VIEW = "console/recipient/form";

  private final Recipients recipients;
  private final PreferenceStore preferences;
  private final Categories categories;
  private final List<Channel> channels;

  RecipientPage(Recipients recipients, PreferenceStore preferences, Categories categories,
      NotificationSettings settings) {
    this.recipients = recipients;
    this.preferences = preferences;
    this.categories = categories;
    this.channels = Arrays.stream(Channel.values()).filter(settings.channels()::contains).toList();
  }

  /** The owner's recipient; another sender's, or an id no recipient may have, is not found. */
  StoredRecipient stored(OwnerChoice choice, String id) {
    if (RecipientRules.idViolation(id).isPresent()) {
      throw new RecipientNotFoundException(id);
    }
    return recipients.find(choice.whose(), id).orElseThrow(() -> new RecipientNotFoundException(id));
  }

  /** A new recipient's form. */
  String blank(Model model, OwnerChoice choice, RecipientForm form, FormErrors errors) {
    return show(model, choice, form, null, errors, PreferenceForm.BLANK, FormErrors.NONE);
  }

  /** A stored recipient's page: its form with {@code errors}, its preferences with the rule form's. */
  String show(Model model, OwnerChoice choice, RecipientForm form, StoredRecipient stored, FormErrors errors,
      PreferenceForm preference, FormErrors preferenceErrors) {
    model.addAttribute("choice", choice);
    model.addAttribute("form", form);
    model.addAttribute("stored", stored);
    model.addAttribute("errors", errors);
    model.addAttribute("action", stored == null ? choice.url(RecipientEditController.NEW)
        : choice.url(RecipientEditController.EDIT, "id", stored.id()));
    if (stored != null) {
      List<Category> known = categories.list();
      Set<String> critical = known.stream().filter(Category::critical).map(Category::name).collect(Collectors.toSet());
      model.addAttribute("rules", preferences.rules(choice.whose(), stored.id()).stream()
          .map(rule -> PreferenceRow.of(rule, critical)).toList());
      model.addAttribute("categories", known);
      model.addAttribute("critical", critical.stream().sorted().toList());
      model.addAttribute("channels", channels);
      model.addAttribute("preference", preference);
      model.addAttribute("preferenceErrors", preferenceErrors);
      model.addAttribute("preferenceAction", choice.url(RecipientPreferencesController.PATH, "id", stored.id()));
      model.addAttribute("removeAction", choice.url(RecipientPreferencesController.REMOVE, "id", stored.id()));
      model.addAttribute("quietAction", choice.url(RecipientQuietHoursController.PATH, "id", stored.id()));
      if (!model.containsAttribute("quietForm")) {
        model.addAttribute("quietForm", QuietHoursForm.of(preferences.quietHours(choice.whose(), stored.id()).orElse(null)));
        model.addAttribute("quietErrors", FormErrors.NONE);
      }
      model.addAttribute("quietSet", preferences.quietHours(choice.whose(), stored.id()).isPresent());
    }
    return VIEW;
  }
}
