package dev.herald.api.stats;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.stats}: the window of {@code GET /api/v1/stats} and the console's overview when none is
 * asked for ({@code defaultWindow}, ending now), and the longest one that may be asked for ({@code maxWindow}):
 * its per-minute series has a point per minute, channel and outcome. The default window's answer is kept for
 * {@code cacheFor}: every open overview asks for it every few seconds, and its queries scan the window's deliveries.
 */
@Validated
@ConfigurationProperties("herald.stats")
public record StatsProperties(@NotNull Duration defaultWindow, @NotNull Duration maxWindow,
    @DefaultValue("5s") Duration cacheFor) {}
