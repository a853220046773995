package dev.herald.api.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.api}: the HTTP door.
 *
 * @param version the build's version (application.yml has it from Maven), shown in the OpenAPI document
 * @param maxBodySize the largest request body read (a notification to the most recipients with the
 *     longest body fits); the recipient import is streamed and has no limit
 * @param idempotencyWindow how long after its notification finished an idempotency key still answers with
 *     it (from the delivery log, whatever Temporal still keeps); after it, the key names a new notification
 */
@Validated
@ConfigurationProperties("herald.api")
public record ApiProperties(@DefaultValue("unknown") String version, @DefaultValue("10MB") @NotNull DataSize maxBodySize,
    @DefaultValue("30d") @NotNull Duration idempotencyWindow) {}
