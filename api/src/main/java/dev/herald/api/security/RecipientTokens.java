package dev.herald.api.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Short-lived recipient credentials: {@code hrt_<key id>.<payload>.<signature>}, the payload the
 * recipient id, the sender whose recipient it is (the minting sender, or the owner an admin named)
 * and the expiry, signed with HMAC-SHA256 by a configured signing key. Verifying takes any
 * configured key by its id, so keys can be rotated.
 */
@Component
public class RecipientTokens {

  static final String START = "hrt_";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

  /** A minted token and when it expires. */
  public record Minted(String token, Instant expiresAt) {}

  private final SecurityProperties.RecipientTokens settings;
  private final Map<String, SecretKeySpec> keys;
  private final Clock clock;

  RecipientTokens(SecurityProperties properties, Clock clock) {
    this.settings = properties.recipientTokens();
    this.clock = clock;
    this.keys = settings.keys().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
        e -> signingKey(e.getKey(), e.getValue())));
    if (!isBlank(settings.signingKey()) && !keys.containsKey(settings.signingKey())) {
      throw new IllegalStateException("herald.security.recipient-tokens.signing-key names '" + settings.signingKey()
          + "', which is not among herald.security.recipient-tokens.keys");
    }
  }

  /** Whether tokens can be minted here: a signing key is configured. */
  public boolean canMint() {
    return signingKeyId() != null;
  }

  public Duration defaultTtl() {
    return settings.defaultTtl();
  }

  public Duration maxTtl() {
    return settings.maxTtl();
  }

  public Minted mint(String recipientId, String sender, Duration ttl) {
    String kid = signingKeyId();
    Instant expiresAt = clock.instant().plus(ttl);
    String payload = B64.encodeToString((recipientId + "\n" + sender + "\n" + expiresAt.getEpochSecond())
        .getBytes(StandardCharsets.UTF_8));
    String signed = START + kid + "." + payload;
    return new Minted(signed + "." + B64.encodeToString(sign(keys.get(kid), signed)), expiresAt);
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
    SecretKeySpec key = keys.get(token.substring(START.length(), firstDot));
    if (key == null) {
      return Optional.empty();
    }
    try {
      byte[] signature = B64_DECODE.decode(token.substring(lastDot + 1));
      String signed = token.substring(0, lastDot);
      if (!MessageDigest.isEqual(signature, sign(key, signed))) {
        return Optional.empty();
      }
      String[] fields = new String(B64_DECODE.decode(token.substring(firstDot + 1, lastDot)), StandardCharsets.UTF_8)
          .split("\n", -1);
      if (fields.length != 3 || Instant.ofEpochSecond(Long.parseLong(fields[2])).isBefore(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(Caller.recipient(fields[0], fields[1], token.substring(START.length(), firstDot)));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private String signingKeyId() {
    if (!isBlank(settings.signingKey())) {
      return settings.signingKey();
    }
    return keys.size() == 1 ? keys.keySet().iterator().next() : null;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static SecretKeySpec signingKey(String id, String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("recipient token signing key '" + id + "' is not base64");
    }
    if (bytes.length < 32 || !id.matches("[A-Za-z0-9-]{1,32}")) {
      throw new IllegalStateException("recipient token signing key '" + id
          + "' needs an id of 1-32 letters, digits or - and at least 32 bytes (base64)");
    }
    return new SecretKeySpec(bytes, "HmacSHA256");
  }

  private static byte[] sign(SecretKeySpec key, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
