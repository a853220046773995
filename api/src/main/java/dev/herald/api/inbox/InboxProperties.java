package dev.herald.api.inbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.inbox}: the in-app inbox stream.
 *
 * @param heartbeat how often an idle stream gets a comment line, so proxies keep it open and a
 *     client that went away is noticed
 * @param streamTimeout a stream is closed after this; the browser's EventSource reconnects by itself
 *     and resumes with Last-Event-ID
 * @param maxReplay most items replayed to a client resuming with Last-Event-ID (the newest ones)
 * @param listenerRetry wait before the PostgreSQL listener reconnects after losing its connection
 */
@Validated
@ConfigurationProperties("herald.inbox")
public record InboxProperties(
    @DefaultValue("15s") @NotNull Duration heartbeat,
    @DefaultValue("30m") @NotNull Duration streamTimeout,
    @DefaultValue("100") @Min(1) @Max(10_000) int maxReplay,
    @DefaultValue("2s") @NotNull Duration listenerRetry) {}
