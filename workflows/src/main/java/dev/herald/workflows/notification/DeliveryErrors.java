package dev.herald.workflows.notification;

import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;

/** Turns the failure of a send activity into the error recorded on the delivery. */
public final class DeliveryErrors {

  private DeliveryErrors() {}

  /** What is recorded for deliveries a batch left PENDING although it returned. */
  public static DeliveryError unfinished(int pending) {
    return new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, "batch-unfinished",
        pending + " deliveries were still pending when their batch ended", 0);
  }

  static boolean isCancellation(ActivityFailure failure) {
    return failure.getCause() instanceof CanceledFailure;
  }

  public static DeliveryError from(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app) {
      if (app.getDetails().getSize() > 0) {
        try {
          return app.getDetails().get(0, DeliveryError.class);
        } catch (RuntimeException notOurs) {
          // details written by something else than our activities: fall back to the type and message
        }
      }
      return new DeliveryError(typeOf(app.getType()), null, app.getOriginalMessage(), 0);
    }
    if (cause instanceof TimeoutFailure timeout) {
      return new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, "timed out: " + timeout.getTimeoutType(), 0);
    }
    String message = cause != null ? cause.getMessage() : failure.getMessage();
    return new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, null, message, 0);
  }

  private static DeliveryErrorType typeOf(String type) {
    for (DeliveryErrorType candidate : DeliveryErrorType.values()) {
      if (candidate.name().equals(type)) {
        return candidate;
      }
    }
    return DeliveryErrorType.PROVIDER_UNAVAILABLE;
  }
}
