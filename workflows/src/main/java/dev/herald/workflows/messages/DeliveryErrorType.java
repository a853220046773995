package dev.herald.workflows.messages;

/**
 * Why a delivery attempt failed. The name is used as the Temporal {@code ApplicationFailure} type,
 * so retry policies can list the permanent ones as non-retryable.
 */
public enum DeliveryErrorType {
  /** The address can never receive: malformed, unknown mailbox, rejected recipient. */
  INVALID_ADDRESS(false),
  /** The provider refused the message itself (content, size, policy) and will refuse it again. */
  MESSAGE_REJECTED(false),
  /** The recipient unsubscribed from this channel at the provider (e.g. Twilio 21610). */
  RECIPIENT_OPTED_OUT(false),
  /** The recipient has no active device for push (all tokens unregistered). */
  NO_ACTIVE_DEVICE(false),
  /** The template cannot be rendered: a variable it needs is missing, or the template is gone. */
  TEMPLATE_ERROR(false),
  /** The provider is unreachable, timed out or answered with a temporary error. */
  PROVIDER_UNAVAILABLE(true),
  /** The provider asked us to slow down. */
  RATE_LIMITED(true);

  private final boolean retryable;

  DeliveryErrorType(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
