package dev.herald.workflows.notification;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.DeliveryErrorType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Arrays;

/**
 * Timeouts and retry policies of every activity, in one place. Sends are capped (attempts and
 * total time) so a failing provider is never spammed; permanent errors are never retried.
 */
public final class DeliveryPolicies {

  /** Deliveries in flight at once within one notification. */
  public static final int SEND_WINDOW = 50;

  static final String[] PERMANENT_ERRORS =
      Arrays.stream(DeliveryErrorType.values()).filter(t -> !t.retryable()).map(Enum::name).toArray(String[]::new);

  private DeliveryPolicies() {}

  public static ActivityOptions email() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.EMAIL)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        // A provider outage of up to an hour loses nothing; a transient failure sent nothing, so
        // retrying does not spam. Attempts are capped all the same.
        .setScheduleToCloseTimeout(Duration.ofHours(1))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(2))
                .setMaximumAttempts(40)
                .setDoNotRetry(PERMANENT_ERRORS)
                .build())
        .build();
  }

  /** The delivery log is our own database: retried until it answers, never given up on. */
  public static ActivityOptions deliveryLog() {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.NOTIFICATIONS)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(500))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofSeconds(30))
                .build())
        .build();
  }
}
