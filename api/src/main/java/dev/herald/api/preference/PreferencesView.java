package dev.herald.api.preference;

import dev.herald.activities.preference.Category;
import dev.herald.activities.preference.PreferenceRule;
import dev.herald.workflows.messages.Channel;
import java.time.Instant;
import java.util.List;

/**
 * A recipient's preferences: its rules (null category or channel: every) and the categories an
 * admin described, with those marked critical (which pass opt-outs that do not name them).
 */
public record PreferencesView(String owner, String recipientId, List<Rule> rules, List<CategoryView> categories) {

  public record Rule(String category, Channel channel, boolean optedOut, String source, Instant updatedAt) {

    static Rule of(PreferenceRule rule) {
      return new Rule(rule.scope().category(), rule.scope().channel(), rule.optedOut(), rule.source(), rule.updatedAt());
    }
  }

  static PreferencesView of(String owner, String recipientId, List<PreferenceRule> rules, List<Category> categories) {
    return new PreferencesView(owner, recipientId, rules.stream().map(Rule::of).toList(),
        categories.stream().map(CategoryView::of).toList());
  }
}
