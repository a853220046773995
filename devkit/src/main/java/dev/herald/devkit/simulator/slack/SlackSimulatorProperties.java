package dev.herald.devkit.simulator.slack;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.slack.simulator}: the bot token the local Slack simulator accepts (dev mode, no real
 * token configured); the SDK in this process is given the same one.
 */
@Validated
@ConfigurationProperties("herald.slack.simulator")
public record SlackSimulatorProperties(@NotBlank String token) {}
