package dev.herald.api.security;

import dev.herald.activities.apikey.ApiKey;
import dev.herald.activities.apikey.ApiKeyRole;
import dev.herald.activities.apikey.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code HERALD_BOOTSTRAP_ADMIN_KEY} ({@code herald.security.bootstrap-admin-key}): an admin key with
 * this secret exists from the start, created once (a restart with the same key changes nothing; a
 * revoked one stays revoked), so the first admin can create the other keys.
 */
@Component
class BootstrapAdminKey implements ApplicationRunner {

  static final String NAME = "bootstrap-admin";
  /** The sender identity of the bootstrap key: what its sends and approvals carry. */
  static final String SENDER = "admin";

  private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);

  private final ApiKeys keys;
  private final SecurityProperties settings;

  BootstrapAdminKey(ApiKeys keys, SecurityProperties settings) {
    this.keys = keys;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    String secret = settings.bootstrapAdminKey();
    if (secret == null || secret.isBlank()) {
      return;
    }
    try {
      ApiKey key = keys.ensure(secret.trim(), NAME, ApiKeyRole.ADMIN, SENDER, "HERALD_BOOTSTRAP_ADMIN_KEY");
      if (key.isRevoked()) {
        log.warn("The bootstrap admin key {} is revoked; it stays revoked", key.prefix());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("HERALD_BOOTSTRAP_ADMIN_KEY: " + e.getMessage(), e);
    }
  }
}
