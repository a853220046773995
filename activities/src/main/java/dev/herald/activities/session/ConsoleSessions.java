package dev.herald.activities.session;

import dev.herald.activities.apikey.ApiKeyFormat;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Console sessions: a 256-bit random token for the browser's cookie, only its SHA-256 stored (as for
 * API keys, a fast hash of a random secret is as safe as a slow one). A session lapses after
 * {@code idle} without a request or {@code lifetime} after sign-in; last-seen is written at most
 * once a minute per session.
 */
@Component
public class ConsoleSessions {

  private static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConsoleSessionRepository sessions;
  private final Clock clock = Clock.systemUTC();

  ConsoleSessions(ConsoleSessionRepository sessions) {
    this.sessions = sessions;
  }

  /** Opens a session for the key and answers its token; sessions lapsed by now are deleted on the way. */
  public String open(long keyId, Duration idle, Duration lifetime) {
    Instant now = clock.instant();
    sessions.deleteExpired(now, now.minus(idle));
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    sessions.insert(ApiKeyFormat.hash(token), keyId, now, now.plus(lifetime));
    return token;
  }

  /** The API key of a live session; the session counts as seen now. */
  public Optional<Long> keyOf(String token, Duration idle) {
    Instant now = clock.instant();
    byte[] hash = ApiKeyFormat.hash(token);
    Optional<ConsoleSessionRepository.Row> row = sessions.findLive(hash, now, now.minus(idle));
    row.filter(r -> !r.lastSeen().plus(TOUCH_RESOLUTION).isAfter(now)).ifPresent(r -> sessions.touch(hash, now));
    return row.map(ConsoleSessionRepository.Row::keyId);
  }

  /** Signs out: the token opens nothing any more. Closing again changes nothing. */
  public void close(String token) {
    sessions.delete(ApiKeyFormat.hash(token));
  }

  /** Ends every session of a key (it was revoked). */
  public void closeAll(long keyId) {
    sessions.deleteOfKey(keyId);
  }

}
