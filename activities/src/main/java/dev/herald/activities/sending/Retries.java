package dev.herald.activities.sending;

import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/** The transient failures of one batch attempt: how many, the last error, the longest Retry-After asked for. */
final class Retries {

  private int count;
  private DeliveryError last;
  private Duration retryAfter;

  void add(DeliveryError error, Duration nextRetryDelay) {
    count++;
    last = error;
    if (nextRetryDelay != null && (retryAfter == null || nextRetryDelay.compareTo(retryAfter) > 0)) {
      retryAfter = nextRetryDelay;
    }
  }

  int count() {
    return count;
  }

  /** Retryable, so Temporal runs the batch again (only its deliveries still PENDING) with the channel's policy. */
  ApplicationFailure toFailure(int attempted) {
    ApplicationFailure.Builder failure = ApplicationFailure.newBuilder()
        .setType(BatchSender.BATCH_INCOMPLETE)
        .setMessage(count + " of " + attempted + " deliveries will be retried: " + last.message())
        .setDetails(last);
    if (retryAfter != null) {
      failure.setNextRetryDelay(retryAfter);
    }
    return failure.build();
  }

  /** The channel activity's {@link DeliveryError}, or one made from the failure when it carries none. */
  static DeliveryError errorOf(ApplicationFailure failure, int attempt) {
    if (failure.getDetails().getSize() > 0) {
      try {
        DeliveryError error = failure.getDetails().get(DeliveryError.class);
        if (error != null) {
          return error;
        }
      } catch (RuntimeException notADeliveryError) {
        // fall through
      }
    }
    DeliveryErrorType type =
        failure.isNonRetryable() ? DeliveryErrorType.MESSAGE_REJECTED : DeliveryErrorType.PROVIDER_UNAVAILABLE;
    return new DeliveryError(type, failure.getType(), failure.getOriginalMessage(), attempt);
  }
}
