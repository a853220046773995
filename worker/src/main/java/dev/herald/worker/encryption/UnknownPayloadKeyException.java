package dev.herald.worker.encryption;

import io.temporal.payload.codec.PayloadCodecException;
import java.util.Set;

/** A payload encrypted with a key this process was not given: its id and the ids it has, never a key. */
public class UnknownPayloadKeyException extends PayloadCodecException {

  private final String keyId;

  public UnknownPayloadKeyException(String keyId, Set<String> known) {
    super("the payload is encrypted with key '" + shown(keyId) + "', which this process does not have (it has "
        + String.join(", ", known) + "; herald.temporal.encryption.keys)");
    this.keyId = keyId;
  }

  /** The id as configuration could hold it: anything else in a payload's metadata is shown as '?'. */
  private static String shown(String keyId) {
    String cut = keyId.length() > 64 ? keyId.substring(0, 64) + "…" : keyId;
    return cut.replaceAll("[^A-Za-z0-9._…-]", "?");
  }

  public String keyId() {
    return keyId;
  }
}
