package dev.herald.api.preference;

import dev.herald.activities.preference.Category;
import java.time.Instant;

/** A category as the API shows it. */
public record CategoryView(String name, boolean critical, String description, String updatedBy, Instant updatedAt) {

  static CategoryView of(Category category) {
    return new CategoryView(category.name(), category.critical(), category.description(), category.updatedBy(),
        category.updatedAt());
  }
}
