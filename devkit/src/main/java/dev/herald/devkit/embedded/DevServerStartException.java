package dev.herald.devkit.embedded;

/** The Temporal dev server could not be started: what went wrong and what to do about it. */
public class DevServerStartException extends IllegalStateException {

  private final String action;

  DevServerStartException(String description, String action) {
    super(description + " " + action);
    this.action = action;
  }

  String action() {
    return action;
  }
}
