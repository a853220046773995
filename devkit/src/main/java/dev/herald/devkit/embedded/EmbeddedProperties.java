package dev.herald.devkit.embedded;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.embedded}: ports of the embedded servers started when no external one is
 * configured (0 = any free port).
 */
@Validated
@ConfigurationProperties("herald.embedded")
public record EmbeddedProperties(@Min(0) int kafkaPort, @Min(0) int smtpPort) {}
