package dev.herald.api.preference;

import dev.herald.activities.preference.Category;
import dev.herald.activities.preference.PreferenceRule;
import dev.herald.activities.preference.QuietHoursSetting;
import dev.herald.activities.preference.Scope;
import dev.herald.activities.recipient.RecipientRules;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.template.TemplateRequests;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules of preference requests; each broken one names its field (JSON path). */
final class PreferenceRules {

  static final int MAX_RULES = 200;

  private PreferenceRules() {}

  static void requireRecipientId(String recipientId) {
    RecipientRules.idViolation(recipientId).ifPresent(violation -> {
      throw new InvalidRequestException("recipientId", violation.message());
    });
  }

  /** The request's quiet hours as stored, or null for none. */
  static QuietHoursSetting quietHours(PreferencesRequest request) {
    PreferencesRequest.QuietHours quiet = request.quietHours();
    return quiet == null ? null : QuietHoursInput.parse(quiet.start(), quiet.end(), quiet.timeZone());
  }

  /** The request's rules as stored ones (source and time are the store's). */
  static List<PreferenceRule> rules(PreferencesRequest request) {
    List<FieldViolation> violations = new ArrayList<>();
    if (request == null || request.rules() == null) {
      throw new InvalidRequestException("rules", "is required: the recipient's rules ([] for none)");
    }
    if (request.rules().size() > MAX_RULES) {
      throw new InvalidRequestException("rules", "must have at most " + MAX_RULES + " rules");
    }
    List<PreferenceRule> rules = new ArrayList<>();
    Set<Scope> seen = new HashSet<>();
    for (int i = 0; i < request.rules().size(); i++) {
      PreferencesRequest.Rule rule = request.rules().get(i);
      String at = "rules[" + i + "]";
      if (rule == null) {
        violations.add(new FieldViolation(at, "must be a rule object"));
        continue;
      }
      if (rule.category() != null && !rule.category().matches(Category.NAME)) {
        violations.add(new FieldViolation(at + ".category", TemplateRequests.CATEGORY_RULE));
      }
      if (rule.optedOut() == null) {
        violations.add(new FieldViolation(at + ".optedOut", "is required: true to opt out, false to opt back in"));
      }
      Scope scope = new Scope(rule.category(), rule.channel());
      if (!seen.add(scope)) {
        violations.add(new FieldViolation(at, "repeats the scope of an earlier rule (" + scope.label() + ")"));
      }
      rules.add(new PreferenceRule(scope, Boolean.TRUE.equals(rule.optedOut()), null, null));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return rules;
  }
}
