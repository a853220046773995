package dev.herald.activities.email;

import dev.herald.workflows.messages.DeliveryErrorType;

/** A send the provider did not accept, with our classification and the provider's own code. */
public class EmailSendException extends Exception {

  private final DeliveryErrorType type;
  private final String providerCode;

  public EmailSendException(DeliveryErrorType type, String providerCode, String message, Throwable cause) {
    super(message, cause);
    this.type = type;
    this.providerCode = providerCode;
  }

  public DeliveryErrorType type() {
    return type;
  }

  public String providerCode() {
    return providerCode;
  }
}
