package dev.herald.activities.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hk_<prefix>_<secret>}: 8 characters of prefix (a-z, 0-9), by which the key is found, and a
 * secret of at least 32 characters (a generated one: 32 random bytes, base64url). Stored as the
 * SHA-256 of the whole key.
 */
public final class ApiKeyFormat {

  public static final String START = "hk_";
  private static final Pattern KEY = Pattern.compile("hk_([a-z0-9]{8})_([A-Za-z0-9_-]{32,128})");
  private static final char[] PREFIX_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeyFormat() {}

  /** The prefix of a well-formed key; empty for anything else. */
  public static Optional<String> prefixOf(String key) {
    if (key == null) {
      return Optional.empty();
    }
    Matcher m = KEY.matcher(key);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** A new key: 8 random characters of prefix and 32 random bytes of secret. */
  public static String generate() {
    StringBuilder prefix = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      prefix.append(PREFIX_CHARS[RANDOM.nextInt(PREFIX_CHARS.length)]);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return START + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }
}
