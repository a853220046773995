package dev.herald.api.preference;

import dev.herald.activities.preference.Categories;
import dev.herald.activities.preference.PreferenceStore;
import dev.herald.api.openapi.ApiTags;
import dev.herald.api.security.Caller;
import dev.herald.api.security.Owners;
import dev.herald.api.security.Role;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A recipient's preferences, by the recipient's id of its owner ({@link Owners}): a sender or admin
 * reads and replaces them, and so does the recipient itself with its token. The id need not be a
 * stored recipient: an id a sender sends to inline has preferences too. Every send checks them
 * right before it goes out (docs/preferences.md).
 */
@RestController
@Tag(name = ApiTags.PREFERENCES)
@RequestMapping(PreferencesController.PATH)
class PreferencesController {

  static final String PATH = "/api/v1/recipients/{recipientId}/preferences";

  private final PreferenceStore store;
  private final Categories categories;

  PreferencesController(PreferenceStore store, Categories categories) {
    this.store = store;
    this.categories = categories;
  }

  @GetMapping
  PreferencesView get(@PathVariable String recipientId,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    PreferenceRules.requireRecipientId(recipientId);
    String whose = Owners.of(caller, owner);
    return PreferencesView.of(whose, recipientId, store.rules(whose, recipientId),
        store.quietHours(whose, recipientId).orElse(null), categories.list());
  }

  /** Replaces every rule and the quiet hours; rules that did not change keep their source and time. */
  @PutMapping
  PreferencesView replace(@PathVariable String recipientId, @RequestBody PreferencesRequest request,
      @Parameter(description = Owners.DESCRIPTION) @RequestParam(required = false) String owner,
      @AuthenticationPrincipal Caller caller) {
    PreferenceRules.requireRecipientId(recipientId);
    String whose = Owners.of(caller, owner);
    String source = caller.role() == Role.RECIPIENT ? "recipient" : "api:" + caller.keyPrefix();
    var rules = PreferenceRules.rules(request);
    var quiet = PreferenceRules.quietHours(request);
    store.setQuietHours(whose, recipientId, quiet);
    return PreferencesView.of(whose, recipientId, store.replace(whose, recipientId, rules, source), quiet,
        categories.list());
  }
}
