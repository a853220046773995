package dev.herald.worker.encryption;

import dev.herald.activities.startup.StartupFailure;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code herald.temporal.encryption.keys} ({@code TEMPORAL_PAYLOAD_KEYS}): the keys that encrypt
 * Temporal payloads, comma-separated {@code <id>:<base64 of 32 bytes>}, the first encrypting. The api
 * and worker jars do not start without them; the dev kit makes its own.
 */
@ConfigurationProperties("herald.temporal.encryption")
public record EncryptionProperties(String keys) {

  public static final String KEYS = "herald.temporal.encryption.keys";
  public static final String KEYS_VARIABLE = "TEMPORAL_PAYLOAD_KEYS";
  /** Condition: keys are configured. */
  public static final String KEYS_CONFIGURED = "!'${" + KEYS + ":}'.isBlank()";
  /** Condition: no keys are configured (the dev kit then makes its own). */
  public static final String NO_KEYS_CONFIGURED = "'${" + KEYS + ":}'.isBlank()";

  /** The configured keys; a malformed setting stops the start, named, without echoing a key. */
  PayloadKeys parse() {
    try {
      return PayloadKeys.parse(keys == null ? "" : keys);
    } catch (IllegalArgumentException e) {
      throw new StartupFailure(KEYS + " (" + KEYS_VARIABLE + "): " + e.getMessage() + ".",
          "Generate a key with `openssl rand -base64 32` and set, e.g., " + KEYS_VARIABLE + "=2025-01:<that key>. "
              + "Every process of one Herald needs the same keys (docs/operations.md).");
    }
  }
}
