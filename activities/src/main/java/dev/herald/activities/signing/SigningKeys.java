package dev.herald.activities.signing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 keys by id for Herald's signed tokens (recipient tokens, preference links): one signs,
 * any of them verifies, so a key can be rotated (add the new one, sign with it, remove the old once
 * what it signed has expired). A key is base64 of 32 bytes or more; an id is 1-32 letters, digits or -.
 */
public final class SigningKeys {

  private static final String ID = "[A-Za-z0-9-]{1,32}";
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final Map<String, SecretKeySpec> keys;
  private final String signingKeyId;

  /**
   * @param setting the settings' name, for messages (e.g. {@code herald.security.recipient-tokens})
   * @param signingKeyId the key that signs; null or blank: the only key, if there is one
   */
  public SigningKeys(String setting, Map<String, String> base64ById, String signingKeyId) {
    this.keys = base64ById.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
        e -> key(setting, e.getKey(), e.getValue())));
    if (signingKeyId != null && !signingKeyId.isBlank() && !keys.containsKey(signingKeyId)) {
      throw new IllegalStateException(setting + ".signing-key names '" + signingKeyId + "', which is not among "
          + setting + ".keys");
    }
    this.signingKeyId = signingKeyId != null && !signingKeyId.isBlank() ? signingKeyId
        : keys.size() == 1 ? keys.keySet().iterator().next() : null;
  }

  /**
   * Keys written as one setting, {@code <id>:<base64>,<id>:<base64>} (the form of the payload keys):
   * the first signs.
   */
  public static SigningKeys parse(String setting, String list) {
    Map<String, String> keys = new LinkedHashMap<>();
    String first = null;
    for (String entry : list == null ? new String[0] : list.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.indexOf(':');
      if (colon <= 0) {
        throw new IllegalStateException(setting + " holds '<id>:<base64>' entries, comma-separated; one has no id");
      }
      String id = entry.substring(0, colon).strip();
      first = first == null ? id : first;
      keys.put(id, entry.substring(colon + 1));
    }
    return new SigningKeys(setting, keys, first);
  }

  /** The id of the key that signs; empty when none is configured (or several and none named). */
  public Optional<String> signingKeyId() {
    return Optional.ofNullable(signingKeyId);
  }

  /** The signature of {@code text} (ASCII) by the signing key. @throws IllegalStateException without one */
  public byte[] sign(String text) {
    if (signingKeyId == null) {
      throw new IllegalStateException("no signing key is configured");
    }
    return mac(keys.get(signingKeyId), text);
  }

  /**
   * Whether {@code signature} starts with the signature of {@code text} by the key {@code keyId} and is at
   * least {@code minimumBytes} long (a signature may be truncated); false for an unknown key. Compared in
   * constant time.
   */
  public boolean verifies(String keyId, String text, byte[] signature, int minimumBytes) {
    SecretKeySpec key = keyId == null ? null : keys.get(keyId);
    if (key == null || signature.length < minimumBytes) {
      return false;
    }
    byte[] expected = mac(key, text);
    return signature.length <= expected.length
        && MessageDigest.isEqual(signature, Arrays.copyOf(expected, signature.length));
  }

  /** The signing key's signature of {@code text}, cut to {@code bytes}, as base64url without padding (for a URL). */
  public String signUrlSafe(String text, int bytes) {
    return URL_SAFE.encodeToString(Arrays.copyOf(sign(text), bytes));
  }

  /**
   * Whether {@code encoded} is the signature of {@code text} by the key {@code keyId}, cut to {@code bytes}, as
   * {@link #signUrlSafe} spells it: base64's last character has bits no byte uses, so only the one spelling counts.
   */
  public boolean verifiesUrlSafe(String keyId, String text, String encoded, int bytes) {
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
    return signature.length == bytes && URL_SAFE.encodeToString(signature).equals(encoded)
        && verifies(keyId, text, signature, bytes);
  }

  private static SecretKeySpec key(String setting, String id, String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + ": the key '" + id + "' is not base64");
    }
    if (bytes.length < 32 || !id.matches(ID)) {
      throw new IllegalStateException(setting + ": the key '" + id
          + "' needs an id of 1-32 letters, digits or - and at least 32 bytes (base64)");
    }
    return new SecretKeySpec(bytes, "HmacSHA256");
  }

  private static byte[] mac(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
