package dev.herald.devkit;

/**
 * Condition for everything dev-only (outbox, fault injection, the simulators): {@code
 * herald.dev.enabled}, which only the dev kit's profile sets.
 */
public final class DevMode {

  public static final String ENABLED = "${herald.dev.enabled:false}";

  private DevMode() {}
}
