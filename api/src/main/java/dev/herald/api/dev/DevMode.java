package dev.herald.api.dev;

/** Condition for everything dev-only (outbox, fault injection): {@code herald.dev.enabled}, off in production. */
public final class DevMode {

  public static final String ENABLED = "${herald.dev.enabled:false}";

  private DevMode() {}
}
