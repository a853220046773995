package dev.herald.api.preference;

import dev.herald.activities.preference.Category;
import dev.herald.activities.preference.PreferenceRule;
import dev.herald.activities.preference.QuietHoursSetting;
import dev.herald.workflows.messages.Channel;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * A recipient's preferences: its rules (null category or channel: every) and the categories an
 * admin described, with those marked critical (which pass opt-outs that do not name them).
 */
public record PreferencesView(String owner, String recipientId, List<Rule> rules, QuietHours quietHours,
    List<CategoryView> categories) {

  /** Local times as set, and the zone set with them (null: the stored recipient's, else UTC). */
  public record QuietHours(LocalTime start, LocalTime end, String timeZone) {

    static QuietHours of(QuietHoursSetting setting) {
      return setting == null ? null : new QuietHours(setting.start(), setting.end(), setting.timeZone());
    }
  }

  public record Rule(String category, Channel channel, boolean optedOut, String source, Instant updatedAt) {

    static Rule of(PreferenceRule rule) {
      return new Rule(rule.scope().category(), rule.scope().channel(), rule.optedOut(), rule.source(), rule.updatedAt());
    }
  }

  static PreferencesView of(String owner, String recipientId, List<PreferenceRule> rules, QuietHoursSetting quiet,
      List<Category> categories) {
    return new PreferencesView(owner, recipientId, rules.stream().map(Rule::of).toList(), QuietHours.of(quiet),
        categories.stream().map(CategoryView::of).toList());
  }
}
