package dev.herald.api.security;

import dev.herald.activities.apikey.ApiKey;
import dev.herald.activities.apikey.ApiKeyFormat;
import dev.herald.activities.apikey.ApiKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * API keys verified against the store and then trusted from memory for {@code herald.security.key-cache-ttl}
 * (by the SHA-256 of the whole key), so a request with a known key reads no table. A key revoked
 * through this process is forgotten at once; one revoked through another is refused here within the TTL.
 */
@Component
public class VerifiedKeys {

  private record Verified(ApiKey key, Caller caller, Instant at) {}

  private final ApiKeys keys;
  private final SecurityProperties settings;
  private final Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  VerifiedKeys(ApiKeys keys, SecurityProperties settings, Clock clock) {
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
  }

  /** The caller of a key verified within the TTL; empty when it must be (re)verified. */
  Optional<Caller> remembered(String presented) {
    Verified v = verified.get(digest(presented));
    if (v == null || !v.at().plus(settings.keyCacheTtl()).isAfter(clock.instant())) {
      return Optional.empty();
    }
    keys.used(v.key().id());
    return Optional.of(v.caller());
  }

  /** Verifies against the store (one read) and remembers a valid key. */
  Optional<Caller> verify(String presented) {
    Optional<ApiKey> key = keys.verify(presented);
    key.ifPresent(k -> {
      if (verified.size() >= settings.keyCacheSize()) {
        verified.clear();
      }
      Caller caller = Caller.of(k);
      verified.put(digest(presented), new Verified(k, caller, clock.instant()));
      keys.used(k.id());
    });
    return key.map(Caller::of);
  }

  /** After a revocation: this process refuses the key from now on. */
  public void forget(long keyId) {
    verified.values().removeIf(v -> v.key().id() == keyId);
  }

  private static String digest(String presented) {
    return HexFormat.of().formatHex(ApiKeyFormat.hash(presented));
  }
}
