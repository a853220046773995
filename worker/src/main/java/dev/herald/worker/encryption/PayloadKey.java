package dev.herald.worker.encryption;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key for Temporal payloads and its id, which every payload encrypted with it carries in
 * its metadata, so a payload finds its key after the key that encrypts new payloads has changed.
 * Written {@code <id>:<base64 of 32 bytes>} in configuration; never printed.
 */
public record PayloadKey(String id, SecretKey key) {

  public static final int BYTES = 32;
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  static final String FORM = "<id>:<base64 of " + BYTES + " random bytes>, the id of 1-64 of A-Z a-z 0-9 . _ -";

  /** A new random key, e.g. for the dev kit. */
  public static PayloadKey generate(String id, SecureRandom random) {
    byte[] key = new byte[BYTES];
    random.nextBytes(key);
    return new PayloadKey(id, new SecretKeySpec(key, "AES"));
  }

  /**
   * {@code <id>:<base64>}; {@code position} names the entry in the error, whose message never holds
   * the key.
   */
  static PayloadKey parse(String entry, int position) {
    int colon = entry.indexOf(':');
    String id = colon < 0 ? "" : entry.substring(0, colon).strip();
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("key " + position + " has no id: write each key as " + FORM);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException("key '" + id + "' is not base64: write each key as " + FORM);
    }
    if (key.length != BYTES) {
      throw new IllegalArgumentException("key '" + id + "' has " + key.length + " bytes, not " + BYTES
          + " (AES-256): write each key as " + FORM);
    }
    return new PayloadKey(id, new SecretKeySpec(key, "AES"));
  }

  /** The configuration form, {@code <id>:<base64>}: for the dev kit's key file only. */
  public String encoded() {
    return id + ":" + Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /** The id only: a key never reaches a log or an error message. */
  @Override
  public String toString() {
    return "PayloadKey[" + id + "]";
  }
}
