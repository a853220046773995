package dev.herald.api.template;

import dev.herald.api.web.TextRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/v1/templates}: the notification type's key, its owner (the sender; by
 * default the API key's, and only an admin key may name another), a note.
 */
public record CreateTemplateRequest(
    @NotBlank(message = TemplateRequests.KEY_REQUIRED)
    @Pattern(regexp = TemplateRequests.KEY, message = TemplateRequests.KEY_RULE) String key,
    @Pattern(regexp = ".*\\S.*", message = "must not be blank: leave it out for the API key's sender")
    @TextRule(value = TextRule.Kind.LINE, max = TemplateRequests.MAX_OWNER_CHARS) String owner,
    @TextRule(value = TextRule.Kind.TEXT, max = TemplateRequests.MAX_DESCRIPTION_CHARS) String description) {}
