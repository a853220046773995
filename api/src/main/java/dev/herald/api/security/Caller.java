package dev.herald.api.security;

import dev.herald.activities.apikey.ApiKey;

/**
 * The authenticated caller of a request. {@code sender} is the identity a key's notifications,
 * templates, recipients and groups carry (for a recipient token, the sender whose recipient it is);
 * {@code recipientId} is set for a recipient token only; {@code keyPrefix} names the key (or the
 * token's signing key) in logs.
 */
public record Caller(Role role, String sender, String recipientId, String keyPrefix) {

  static Caller of(ApiKey key) {
    return new Caller(Role.valueOf(key.role().name()), key.sender(), null, key.prefix());
  }

  static Caller recipient(String recipientId, String mintedBy, String signingKeyId) {
    return new Caller(Role.RECIPIENT, mintedBy, recipientId, signingKeyId);
  }

  /** Who did something, as records show it: the sender identity and the key's prefix, e.g. {@code ops (hk_a1b2c3d4)}. */
  public String describedBy() {
    return sender + " (" + keyPrefix + ")";
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Whether the caller may see and steer what this sender owns: its own, or all for an admin. */
  public boolean actsFor(String owner) {
    return role == Role.ADMIN || (role == Role.SENDER && sender.equals(owner));
  }

  /** Whether the caller may use this recipient's inbox and devices: a sender or admin any, a recipient its own. */
  public boolean mayActAsRecipient(String id) {
    return role != Role.RECIPIENT || recipientId.equals(id);
  }
}
