package dev.herald.api.group;

import dev.herald.api.web.TextRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/v1/groups}: the group's key (how a notification names it) and its name. */
public record CreateGroupRequest(
    @NotNull(message = GroupRules.KEY_RULE) @Pattern(regexp = GroupRules.KEY, message = GroupRules.KEY_RULE) String key,
    @NotBlank(message = GroupRules.NAME_RULE) @TextRule(value = TextRule.Kind.LINE, max = GroupRules.MAX_NAME_CHARS)
    String name) {}
