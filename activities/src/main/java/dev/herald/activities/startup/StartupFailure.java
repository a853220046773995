package dev.herald.activities.startup;

/**
 * Herald cannot start as configured: what is wrong (naming the setting, as property and environment
 * variable) and what to do about it, printed as Boot's short "APPLICATION FAILED TO START" report.
 */
public class StartupFailure extends IllegalStateException {

  private final String description;
  private final String action;

  public StartupFailure(String description, String action) {
    super(description + " " + action);
    this.description = description;
    this.action = action;
  }

  public String description() {
    return description;
  }

  public String action() {
    return action;
  }
}
