package dev.herald.activities.slack;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.slack}: the Slack app Herald posts as. With no {@code token} the dev kit
 * uses its local Slack simulator instead.
 *
 * @param token the app's bot token ({@code xoxb-…}, scope {@code chat:write}; {@code im:write} for
 *     direct messages to user ids)
 * @param baseUrl where the Web API is reached instead of https://slack.com (its methods are under
 *     {@code <base-url>/api/}), e.g. a simulator; empty: Slack itself
 * @param timeout the longest one {@code chat.postMessage} call may take, connecting included
 */
@Validated
@ConfigurationProperties("herald.slack")
public record SlackProperties(
    String token,
    @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL") String baseUrl,
    @NotNull @DefaultValue("10s") Duration timeout) {}
