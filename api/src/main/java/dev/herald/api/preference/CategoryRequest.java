package dev.herald.api.preference;

import dev.herald.activities.preference.Category;
import dev.herald.api.web.TextRule;

/** The body of {@code PUT /api/v1/categories/{name}}: whether it is critical, and what it is for. */
public record CategoryRequest(
    Boolean critical,
    @TextRule(value = TextRule.Kind.TEXT, max = Category.MAX_DESCRIPTION_CHARS) String description) {}
