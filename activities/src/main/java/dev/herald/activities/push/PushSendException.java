package dev.herald.activities.push;

import dev.herald.workflows.messages.DeliveryErrorType;
import java.time.Duration;

/**
 * A push the provider did not accept: our classification, the provider's own code (e.g.
 * {@code fcm-UNREGISTERED}), whether the token itself is dead, and how long the provider asked us
 * to wait (Retry-After), if it did.
 */
public class PushSendException extends Exception {

  private final DeliveryErrorType type;
  private final String providerCode;
  private final boolean tokenDead;
  private final transient Duration retryAfter;

  public PushSendException(DeliveryErrorType type, String providerCode, boolean tokenDead, Duration retryAfter,
      String message, Throwable cause) {
    super(message, cause);
    this.type = type;
    this.providerCode = providerCode;
    this.tokenDead = tokenDead;
    this.retryAfter = retryAfter;
  }

  public DeliveryErrorType type() {
    return type;
  }

  public String providerCode() {
    return providerCode;
  }

  /** The token can never receive (unregistered, malformed): deactivate it, try the others. */
  public boolean tokenDead() {
    return tokenDead;
  }

  /** The provider's Retry-After, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
