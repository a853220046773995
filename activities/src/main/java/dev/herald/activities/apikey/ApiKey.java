package dev.herald.activities.apikey;

import java.time.Instant;

/**
 * A stored API key without its secret. {@code sender} is the identity its notifications, templates and
 * approvals carry; {@code prefix} is the key's public part ({@code hk_<prefix>_…}).
 */
public record ApiKey(
    long id,
    String name,
    ApiKeyRole role,
    String sender,
    String prefix,
    Instant created,
    String createdBy,
    Instant lastUsed,
    Instant revoked) {

  public boolean isRevoked() {
    return revoked != null;
  }
}
