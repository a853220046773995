package dev.herald.api.console.recipient;

import dev.herald.activities.preference.Category;
import dev.herald.activities.preference.Scope;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.template.TemplateRequests;
import dev.herald.workflows.messages.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A preference rule as the recipient page's form sends it: a category (empty: every category, else a
 * name by {@link Category#NAME}, known or not) and a channel (empty: every channel).
 */
record PreferenceForm(String category, String channel) {

  static final List<String> FIELDS = List.of("category", "channel");
  static final PreferenceForm BLANK = new PreferenceForm("", "");

  /** The scope the form names; an {@link InvalidRequestException} names each wrong field. */
  Scope scope() {
    List<FieldViolation> violations = new ArrayList<>();
    String named = blank(category) ? null : category.strip();
    if (named != null && !named.matches(Category.NAME)) {
      violations.add(new FieldViolation("category", TemplateRequests.CATEGORY_RULE));
    }
    Channel on = null;
    if (!blank(channel)) {
      try {
        on = Channel.valueOf(channel);
      } catch (IllegalArgumentException e) {
        violations.add(new FieldViolation("channel", "must be one of " + Arrays.stream(Channel.values())
            .map(Channel::name).collect(Collectors.joining(", ")) + ", or empty for every channel"));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return new Scope(named, on);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
