package dev.herald.api.group;

import dev.herald.api.web.TextRule;
import jakarta.validation.constraints.NotBlank;

/** The body of {@code PATCH /api/v1/groups/{key}}: the new name. */
public record RenameGroupRequest(
    @NotBlank(message = GroupRules.NAME_RULE) @TextRule(value = TextRule.Kind.LINE, max = GroupRules.MAX_NAME_CHARS)
    String name) {}
