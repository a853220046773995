package dev.herald.api.apikey;

import dev.herald.activities.apikey.ApiKey;
import dev.herald.activities.apikey.ApiKeyRole;
import java.time.Instant;

/** A key as listed: never its secret. {@code key} is set once, in the answer that creates it. */
record ApiKeyView(long id, String name, ApiKeyRole role, String sender, String prefix, Instant created,
    String createdBy, Instant lastUsed, boolean revoked, Instant revokedAt, String key) {

  static ApiKeyView of(ApiKey k) {
    return withSecret(k, null);
  }

  static ApiKeyView withSecret(ApiKey k, String secret) {
    return new ApiKeyView(k.id(), k.name(), k.role(), k.sender(), k.prefix(), k.created(), k.createdBy(), k.lastUsed(),
        k.isRevoked(), k.revoked(), secret);
  }
}
