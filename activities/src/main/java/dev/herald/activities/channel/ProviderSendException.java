package dev.herald.activities.channel;

import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * A message the provider did not accept, on any channel: our classification, the provider's own
 * code (e.g. {@code smtp-550}, {@code twilio-21211}, {@code fcm-UNREGISTERED}) and, when it asked
 * us to slow down, how long to wait. Every channel activity turns it into the same Temporal failure.
 */
public class ProviderSendException extends Exception {

  private final DeliveryErrorType type;
  private final String providerCode;
  private final Duration retryAfter;

  public ProviderSendException(DeliveryErrorType type, String providerCode, String message, Duration retryAfter,
      Throwable cause) {
    super(message, cause);
    this.type = type;
    this.providerCode = providerCode;
    this.retryAfter = retryAfter;
  }

  public ProviderSendException(DeliveryErrorType type, String providerCode, String message, Throwable cause) {
    this(type, providerCode, message, null, cause);
  }

  public DeliveryErrorType type() {
    return type;
  }

  public String providerCode() {
    return providerCode;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /**
   * The activity failure Temporal acts on: typed by {@link DeliveryErrorType} (non-retryable when
   * permanent), the {@link DeliveryError} as details, and the provider's Retry-After as the delay
   * before the next attempt.
   */
  public ApplicationFailure toActivityFailure(int attempt) {
    ApplicationFailure.Builder failure = ApplicationFailure.newBuilder()
        .setMessage(getMessage())
        .setType(type.name())
        .setNonRetryable(!type.retryable())
        .setDetails(new DeliveryError(type, providerCode, getMessage(), attempt));
    if (type.retryable() && retryAfter != null) {
      failure.setNextRetryDelay(retryAfter);
    }
    return failure.build();
  }
}
