package dev.herald.api.preference;

import dev.herald.api.web.TextRule;
import dev.herald.workflows.messages.Channel;

/**
 * The body of {@code POST /api/v1/suppressions}: an address not to reach on a channel (EMAIL, SMS or
 * VOICE), for every category or one, and why.
 */
public record SuppressionRequest(
    Channel channel,
    @TextRule(value = TextRule.Kind.LINE, max = SuppressionController.MAX_ADDRESS_CHARS) String address,
    String category,
    @TextRule(value = TextRule.Kind.LINE, max = SuppressionController.MAX_REASON_CHARS) String reason) {}
