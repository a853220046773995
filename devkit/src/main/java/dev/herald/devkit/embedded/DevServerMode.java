package dev.herald.devkit.embedded;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code herald.temporal.dev-server}: which Temporal the all-in-one app starts when no
 * {@code TEMPORAL_ADDRESS} is set.
 */
public enum DevServerMode {
  /** The Temporal CLI's dev server when a {@code temporal} executable is found, else in-process. */
  AUTO,
  /** The Temporal CLI's dev server; start-up fails when the CLI is not installed. */
  CLI,
  /** Temporal's in-process test server (no UI, keeps nothing): what the tests use. */
  IN_PROCESS;

  /** Whether to start the CLI's dev server; looks for the executable only in {@link #AUTO}. */
  boolean usesCli(Supplier<Optional<Path>> findCli) {
    return switch (this) {
      case CLI -> true;
      case IN_PROCESS -> false;
      case AUTO -> findCli.get().isPresent();
    };
  }
}
