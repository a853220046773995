package dev.herald.api.console.category;

import dev.herald.activities.preference.Category;
import dev.herald.activities.text.TextRules;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.template.TemplateRequests;
import java.util.ArrayList;
import java.util.List;

/** The category form as typed: a name, a description (blank for none) and the critical mark (a checkbox). */
record CategoryForm(String name, String description, boolean critical) {

  static final List<String> FIELDS = List.of("name", "description", "critical");
  static final CategoryForm BLANK = new CategoryForm("", "", false);

  static CategoryForm of(Category category) {
    return new CategoryForm(category.name(), category.description() == null ? "" : category.description(),
        category.critical());
  }

  /** The name to store; an {@link InvalidRequestException} names each wrong field. */
  String checkedName() {
    List<FieldViolation> violations = new ArrayList<>();
    String named = name == null ? "" : name.strip();
    if (!named.matches(Category.NAME)) {
      violations.add(new FieldViolation("name", TemplateRequests.CATEGORY_RULE));
    }
    TextRules.text(description, Category.MAX_DESCRIPTION_CHARS)
        .ifPresent(problem -> violations.add(new FieldViolation("description", problem)));
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return named;
  }

  /** The description to store: null when left empty. */
  String storedDescription() {
    return description == null || description.isBlank() ? null : description.strip();
  }
}
