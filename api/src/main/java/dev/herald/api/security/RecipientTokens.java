package dev.herald.api.security;

import dev.herald.activities.signing.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Short-lived recipient credentials: {@code hrt_<key id>.<payload>.<signature>}, the payload the
 * recipient id, the sender whose recipient it is (the minting sender, or the owner an admin named)
 * and the expiry, signed with HMAC-SHA256 by a configured signing key ({@link SigningKeys}: verifying
 * takes any configured key by its id, so keys can be rotated).
 */
@Component
public class RecipientTokens {

  static final String START = "hrt_";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
  /** HMAC-SHA256 in full. */
  private static final int SIGNATURE_BYTES = 32;

  /** A minted token and when it expires. */
  public record Minted(String token, Instant expiresAt) {}

  private final SecurityProperties.RecipientTokens settings;
  private final SigningKeys keys;
  private final Clock clock;

  RecipientTokens(SecurityProperties properties, Clock clock) {
    this.settings = properties.recipientTokens();
    this.clock = clock;
    this.keys = new SigningKeys("herald.security.recipient-tokens", settings.keys(), settings.signingKey());
  }

  /** Whether tokens can be minted here: a signing key is configured. */
  public boolean canMint() {
    return keys.signingKeyId().isPresent();
  }

  public Duration defaultTtl() {
    return settings.defaultTtl();
  }

  public Duration maxTtl() {
    return settings.maxTtl();
  }

  public Minted mint(String recipientId, String sender, Duration ttl) {
    String kid = keys.signingKeyId().orElseThrow(NoSigningKeyException::new);
    Instant expiresAt = clock.instant().plus(ttl);
    String payload = B64.encodeToString((recipientId + "\n" + sender + "\n" + expiresAt.getEpochSecond())
        .getBytes(StandardCharsets.UTF_8));
    String signed = START + kid + "." + payload;
    return new Minted(signed + "." + B64.encodeToString(keys.sign(signed)), expiresAt);
  }

  /** The recipient caller of a well-signed, unexpired token; empty for anything else. */
  Optional<Caller> verify(String token) {
    if (!token.startsWith(START)) {
      return Optional.empty();
    }
    int firstDot = token.indexOf('.');
    int lastDot = token.lastIndexOf('.');
    if (firstDot < 0 || lastDot == firstDot) {
      return Optional.empty();
    }
    String kid = token.substring(START.length(), firstDot);
    try {
      byte[] signature = B64_DECODE.decode(token.substring(lastDot + 1));
      if (!keys.verifies(kid, token.substring(0, lastDot), signature, SIGNATURE_BYTES)) {
        return Optional.empty();
      }
      String[] fields = new String(B64_DECODE.decode(token.substring(firstDot + 1, lastDot)), StandardCharsets.UTF_8)
          .split("\n", -1);
      if (fields.length != 3 || Instant.ofEpochSecond(Long.parseLong(fields[2])).isBefore(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(Caller.recipient(fields[0], fields[1], kid));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
