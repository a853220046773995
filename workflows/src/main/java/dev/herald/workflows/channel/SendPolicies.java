package dev.herald.workflows.channel;

import dev.herald.workflows.messages.DeliveryErrorType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Arrays;

/**
 * The two shapes of a channel's send policy. Sends are capped in time and attempts, so a failing
 * provider is never spammed; permanent errors ({@link DeliveryErrorType#retryable()} false) are
 * never retried.
 */
public final class SendPolicies {

  public static final String[] PERMANENT_ERRORS =
      Arrays.stream(DeliveryErrorType.values()).filter(t -> !t.retryable()).map(Enum::name).toArray(String[]::new);

  private SendPolicies() {}

  /** An outside provider: retried from {@code initialInterval}, doubling up to {@code maxInterval}, within the caps. */
  public static ActivityOptions provider(String taskQueue, Duration startToClose, Duration initialInterval,
      Duration maxInterval, int maxAttempts, Duration total) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(startToClose)
        .setScheduleToCloseTimeout(total)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(initialInterval)
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(maxInterval)
            .setMaximumAttempts(maxAttempts)
            .setDoNotRetry(PERMANENT_ERRORS)
            .build())
        .build();
  }

  /** Our own database: retried until it answers, never given up on (a permanent error still stops it). */
  public static ActivityOptions ownDatabase(String taskQueue) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofMillis(500))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofSeconds(30))
            .build())
        .build();
  }
}
