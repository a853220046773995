package dev.herald.api.console;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.console}: how long a sign-in lasts (idle and at most), whether the session cookie is
 * {@code Secure} even when Herald itself sees plain HTTP (behind a TLS-terminating proxy that sends no
 * forwarded headers), and the Temporal UI's address, for links from a notification to its workflow.
 */
@Validated
@ConfigurationProperties("herald.console")
public record ConsoleProperties(
    @NotNull @DefaultValue("1h") Duration sessionIdle,
    @NotNull @DefaultValue("12h") Duration sessionLifetime,
    @DefaultValue("false") boolean secureCookie,
    URI temporalUiUrl) {}
