package dev.herald.activities.apikey;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The API key store: create (the secret is answered once and only its SHA-256 kept), list without
 * secrets, revoke, verify a presented key (found by its prefix, compared in constant time), and
 * record when a key was last used, written at most once a minute per key.
 */
@Component
public class ApiKeys {

  /** How often last-used is written per key, at most. */
  public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

  private final ApiKeyRepository keys;
  private final Clock clock = Clock.systemUTC();
  private final Map<Long, Instant> lastWritten = new ConcurrentHashMap<>();

  ApiKeys(ApiKeyRepository keys) {
    this.keys = keys;
  }

  public IssuedKey create(String name, ApiKeyRole role, String sender, String createdBy) {
    while (true) {
      String secret = ApiKeyFormat.generate();
      String prefix = ApiKeyFormat.prefixOf(secret).orElseThrow();
      Optional<ApiKey> created = keys.insert(name, role, sender, prefix, ApiKeyFormat.hash(secret), clock.instant(),
          createdBy);
      if (created.isPresent()) {
        return new IssuedKey(created.get(), secret);
      }
    }
  }

  /**
   * The key with this secret, created when absent (a bootstrap key given by configuration). A key
   * revoked since stays revoked.
   *
   * @throws IllegalArgumentException when the secret is not a well-formed key, or its prefix is
   *     another key's
   */
  public ApiKey ensure(String secret, String name, ApiKeyRole role, String sender, String createdBy) {
    String prefix = ApiKeyFormat.prefixOf(secret)
        .orElseThrow(() -> new IllegalArgumentException("not an API key of the form hk_<8 of a-z 0-9>_<32+ of "
            + "A-Z a-z 0-9 _ ->"));
    byte[] hash = ApiKeyFormat.hash(secret);
    Optional<ApiKeyRepository.Row> existing = keys.findByPrefix(prefix);
    if (existing.isPresent()) {
      if (!MessageDigest.isEqual(existing.get().secretHash(), hash)) {
        throw new IllegalArgumentException("the key's prefix " + prefix + " belongs to another key");
      }
      return existing.get().key();
    }
    return keys.insert(name, role, sender, prefix, hash, clock.instant(), createdBy)
        .orElseGet(() -> ensure(secret, name, role, sender, createdBy));
  }

  public List<ApiKey> list() {
    return keys.findAll();
  }

  public Optional<ApiKey> find(long id) {
    return keys.findById(id);
  }

  /** Revokes at once; revoking again changes nothing. Empty when there is no such key. */
  public Optional<ApiKey> revoke(long id) {
    keys.revoke(id, clock.instant());
    return keys.findById(id);
  }

  /** The key a caller presented, when it is stored and not revoked. One read of the table. */
  public Optional<ApiKey> verify(String presented) {
    Optional<String> prefix = ApiKeyFormat.prefixOf(presented);
    if (prefix.isEmpty()) {
      return Optional.empty();
    }
    byte[] hash = ApiKeyFormat.hash(presented);
    return keys.findByPrefix(prefix.get())
        .filter(row -> MessageDigest.isEqual(row.secretHash(), hash))
        .map(ApiKeyRepository.Row::key)
        .filter(key -> !key.isRevoked());
  }

  /** Records a use; writes only when this process has not written the key's last use within a minute. */
  public void used(long id) {
    Instant now = clock.instant();
    Instant previous = lastWritten.get(id);
    if (previous != null && previous.plus(LAST_USED_RESOLUTION).isAfter(now)) {
      return;
    }
    if (previous == null ? lastWritten.putIfAbsent(id, now) == null : lastWritten.replace(id, previous, now)) {
      keys.touch(id, now);
    }
  }
}
