package dev.herald.devkit.embedded;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code herald.data-dir} ({@code HERALD_DATA_DIR}): where the all-in-one app keeps what should
 * survive a restart, e.g. the Temporal dev server's SQLite file. Relative to the working directory.
 */
@Validated
@ConfigurationProperties("herald")
public record DataDirProperties(@NotNull @DefaultValue(".herald") Path dataDir) {}
