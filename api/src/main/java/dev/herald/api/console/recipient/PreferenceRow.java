package dev.herald.api.console.recipient;

import dev.herald.activities.preference.PreferenceRule;
import java.time.Instant;
import java.util.Set;

/**
 * One of a recipient's rules as its page lists it: what it covers in words and as a skipped delivery's
 * code names it ({@code category=marketing,channel=email}), the choice, who set it and when, and the
 * scope again as the remove form posts it. {@code critical}: the rule names a category marked critical.
 */
record PreferenceRow(String covers, String code, boolean optedOut, String source, Instant updatedAt,
    String category, String channel, boolean critical) {

  static PreferenceRow of(PreferenceRule rule, Set<String> criticalCategories) {
    var scope = rule.scope();
    return new PreferenceRow(scope.described(), scope.label(), rule.optedOut(), rule.source(), rule.updatedAt(),
        scope.category() == null ? "" : scope.category(), scope.channel() == null ? "" : scope.channel().name(),
        scope.category() != null && criticalCategories.contains(scope.category()));
  }
}
