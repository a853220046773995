package dev.herald.devkit.embedded;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.temporal.dev-server*}: without {@code TEMPORAL_ADDRESS}, which Temporal the
 * all-in-one app starts ({@link DevServerMode}), and the CLI dev server's gRPC and UI ports and how
 * long it may take to become healthy.
 */
@Validated
@ConfigurationProperties("herald.temporal")
public record DevServerProperties(
    @NotNull @DefaultValue("auto") DevServerMode devServer,
    @Min(1) @Max(65535) @DefaultValue("7233") int devServerPort,
    @Min(1) @Max(65535) @DefaultValue("8233") int devServerUiPort,
    @NotNull @DefaultValue("60s") Duration devServerStartTimeout) {}
