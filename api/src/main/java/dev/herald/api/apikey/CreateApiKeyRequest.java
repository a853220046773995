package dev.herald.api.apikey;

import dev.herald.activities.apikey.ApiKeyRole;
import dev.herald.api.web.TextRule;
import dev.herald.workflows.notification.NotificationIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code POST /api/v1/api-keys}: a name, the role, and the sender identity (the name by default). */
public record CreateApiKeyRequest(
    @NotBlank(message = "is required") @TextRule(value = TextRule.Kind.LINE, max = ApiKeyIssuer.MAX_NAME_CHARS)
    String name,
    @NotNull(message = "is required: SENDER or ADMIN") ApiKeyRole role,
    @Pattern(regexp = NotificationIds.PLAIN_SENDER_REGEX, message = ApiKeyIssuer.SENDER_RULE) String sender) {}
