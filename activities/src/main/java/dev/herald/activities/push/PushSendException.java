package dev.herald.activities.push;

import dev.herald.activities.channel.ProviderSendException;
import dev.herald.workflows.messages.DeliveryErrorType;
import java.time.Duration;

/** A push to one device the provider did not accept; also says whether the token itself is dead. */
public class PushSendException extends ProviderSendException {

  private final boolean tokenDead;

  public PushSendException(DeliveryErrorType type, String providerCode, boolean tokenDead, Duration retryAfter,
      String message, Throwable cause) {
    super(type, providerCode, message, retryAfter, cause);
    this.tokenDead = tokenDead;
  }

  /** The token can never receive (unregistered, malformed): deactivate it, try the others. */
  public boolean tokenDead() {
    return tokenDead;
  }
}
