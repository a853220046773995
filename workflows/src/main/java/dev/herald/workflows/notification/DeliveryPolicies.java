package dev.herald.workflows.notification;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryErrorType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Arrays;

/**
 * Timeouts and retry policies of every activity, in one place (the README's failure table mirrors
 * it). Sends are capped in time and attempts, so a failing provider is never spammed; permanent
 * errors ({@link DeliveryErrorType#retryable()} false) are never retried.
 */
public final class DeliveryPolicies {

  /** Deliveries in flight at once within one notification. */
  public static final int SEND_WINDOW = 50;

  /**
   * Members per batch of broadcasts started before {@link #batchSize} (version {@code adaptive-batch-size}):
   * still used by those runs, whose batch ranges are fixed.
   */
  public static final int FIXED_BATCH_SIZE = 100;

  /** The smallest and largest broadcast batch: see {@link #batchSize}. */
  public static final int MIN_BATCH_SIZE = 100;
  public static final int MAX_BATCH_SIZE = 1_000;

  /** Batches per window slot {@link #batchSize} aims at, so the window stays full until near the end. */
  static final int BATCHES_PER_SLOT = 4;

  /** Broadcast batches in flight at once (each one activity per channel). */
  public static final int BATCH_WINDOW = 8;

  /** Batches one broadcast run starts before it continues as new, keeping each history well below 10,000 events. */
  public static final int BATCHES_PER_RUN = 100;

  /**
   * Members per batch of a broadcast to {@code recipients} members: one batch activity sends to this
   * many on one channel. Each batch costs Temporal an activity (schedule, start, complete, a workflow
   * task), so large audiences get large batches (at most {@link #MAX_BATCH_SIZE}: 100k members make
   * 100 activities, not 1,000); small ones still get {@link #BATCHES_PER_SLOT} batches per slot of the
   * window, so sends stay parallel to the end. Fixed per broadcast (carried across continue-as-new).
   */
  public static int batchSize(int recipients) {
    int perBatch = (recipients + BATCH_WINDOW * BATCHES_PER_SLOT - 1) / (BATCH_WINDOW * BATCHES_PER_SLOT);
    return Math.max(MIN_BATCH_SIZE, Math.min(MAX_BATCH_SIZE, perBatch));
  }

  static final String[] PERMANENT_ERRORS =
      Arrays.stream(DeliveryErrorType.values()).filter(t -> !t.retryable()).map(Enum::name).toArray(String[]::new);

  private DeliveryPolicies() {}

  /**
   * <ul>
   *   <li>email, SMS, push: retried from 1 s, doubling, at most 2 min apart, for up to 1 h (40 attempts):
   *       a provider outage of an hour loses nothing; a transient failure sent nothing, so retrying is no spam.
   *   <li>voice: a call rings a person; at most 3 attempts within 30 min, 1 min apart at first.
   *   <li>in-app: our own database, like the delivery log: retried until it answers.
   * </ul>
   */
  public static ActivityOptions forChannel(Channel channel) {
    return switch (channel) {
      case EMAIL, SMS, PUSH -> provider(TaskQueues.forChannel(channel), Duration.ofSeconds(30), Duration.ofSeconds(1),
          Duration.ofMinutes(2), 40, Duration.ofHours(1));
      case VOICE -> provider(TaskQueues.VOICE, Duration.ofSeconds(60), Duration.ofMinutes(1), Duration.ofMinutes(10), 3,
          Duration.ofMinutes(30));
      case IN_APP -> ActivityOptions.newBuilder(deliveryLog()).setTaskQueue(TaskQueues.IN_APP).build();
    };
  }

  /**
   * A broadcast batch: the channel's retry policy (a retry sends only what is still pending), with
   * room for a whole batch per attempt ({@link #MAX_BATCH_SIZE} messages at up to 1.8 s each) and
   * heartbeats while it sends (at most one a second), so a lost worker is noticed within a minute
   * rather than at the end of the attempt.
   */
  public static ActivityOptions forBatch(Channel channel) {
    return ActivityOptions.newBuilder(forChannel(channel))
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(Duration.ofMinutes(1))
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

  /**
   * The delivery log as a local activity: run by the worker that runs the workflow, inside its
   * workflow task, without a round trip through a task queue (a single send's log writes cost no
   * extra workflow tasks). Same timeout and retries as {@link #deliveryLog()}; a retry longer than
   * the local retry threshold waits on a durable timer.
   */
  public static LocalActivityOptions deliveryLogLocal() {
    return local(deliveryLog());
  }

  /** Rendering as a local activity, retried like {@link #templates()}. */
  public static LocalActivityOptions templatesLocal() {
    return local(templates());
  }

  /** Rendering reads our own database: retried until it answers, except a template error. */
  public static ActivityOptions templates() {
    ActivityOptions log = deliveryLog();
    return ActivityOptions.newBuilder(log)
        .setRetryOptions(RetryOptions.newBuilder(log.getRetryOptions()).setDoNotRetry(PERMANENT_ERRORS).build())
        .build();
  }

  private static LocalActivityOptions local(ActivityOptions options) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(options.getStartToCloseTimeout())
        .setRetryOptions(options.getRetryOptions())
        .build();
  }

  private static ActivityOptions provider(String taskQueue, Duration startToClose, Duration initialInterval,
      Duration maxInterval, int maxAttempts, Duration total) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setStartToCloseTimeout(startToClose)
        .setScheduleToCloseTimeout(total)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(initialInterval)
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(maxInterval)
                .setMaximumAttempts(maxAttempts)
                .setDoNotRetry(PERMANENT_ERRORS)
                .build())
        .build();
  }
}
