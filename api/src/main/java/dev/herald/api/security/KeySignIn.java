package dev.herald.api.security;

import dev.herald.activities.apikey.ApiKey;
import dev.herald.activities.apikey.ApiKeyFormat;
import dev.herald.activities.apikey.ApiKeys;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Signing in with an API key where a person types it (the console): the key is checked as the API
 * checks a bearer key, failures count against the same limits per address and key prefix, and a
 * session later finds its caller again by the key's id, unless the key was revoked since.
 */
@Component
public class KeySignIn {

  /** What a sign-in came to. */
  public sealed interface Outcome {}

  public record SignedIn(long keyId, Caller caller) implements Outcome {}

  public record Refused() implements Outcome {}

  public record Blocked(Duration retryAfter) implements Outcome {}

  private final ApiKeys keys;
  private final FailedAttempts attempts;

  KeySignIn(ApiKeys keys, FailedAttempts attempts) {
    this.keys = keys;
    this.attempts = attempts;
  }

  public Outcome signIn(String presented, String address) {
    Optional<Duration> wait = attempts.addressBlocked(address);
    String prefix = ApiKeyFormat.prefixOf(presented == null ? "" : presented.trim()).orElse(null);
    if (wait.isEmpty() && prefix != null) {
      wait = attempts.prefixBlocked(prefix);
    }
    if (wait.isPresent()) {
      return new Blocked(wait.get());
    }
    Optional<ApiKey> key = prefix == null ? Optional.empty() : keys.verify(presented.trim());
    if (key.isEmpty()) {
      attempts.failed(address, prefix);
      return new Refused();
    }
    keys.used(key.get().id());
    return new SignedIn(key.get().id(), Caller.of(key.get()));
  }

  /** The caller of a session's key, unless the key was revoked or deleted. */
  public Optional<Caller> callerOf(long keyId) {
    return keys.find(keyId).filter(key -> !key.isRevoked()).map(key -> {
      keys.used(key.id());
      return Caller.of(key);
    });
  }
}
