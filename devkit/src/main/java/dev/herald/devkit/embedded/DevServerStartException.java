package dev.herald.devkit.embedded;

import dev.herald.activities.startup.StartupFailure;

/** The Temporal dev server could not be started: what went wrong and what to do about it. */
public class DevServerStartException extends StartupFailure {

  DevServerStartException(String description, String action) {
    super(description, action);
  }
}
