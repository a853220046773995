package dev.herald.workflows.notification;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.channel.SendPolicies;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Priority;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Timeouts and retry policies of the orchestration's own activities and of broadcast batches; a
 * single send's are its channel's ({@link Channels}).
 */
public final class DeliveryPolicies {

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

  private DeliveryPolicies() {}

  /** Batches up to this many members run as single sends do: the channel's timeout per member, no heartbeats. */
  static final int MOST_WITHOUT_HEARTBEATS = 4;

  /**
   * A batch of {@code members}: the channel's retry policy (a retry sends only what is still pending).
   * A small one (a single send's batch of one) has the channel's own timeout per member and no
   * heartbeats, which would cost the server a timer per activity; a larger one has room for a whole
   * batch per attempt ({@link #MAX_BATCH_SIZE} messages at up to 1.8 s each) and heartbeats while it
   * sends (at most one a second), so a lost worker is noticed within a minute rather than at the end
   * of the attempt.
   */
  public static ActivityOptions forBatch(Channel channel, int members) {
    ActivityOptions send = Channels.of(channel).sendOptions();
    if (members <= MOST_WITHOUT_HEARTBEATS) {
      return ActivityOptions.newBuilder(send)
          .setStartToCloseTimeout(send.getStartToCloseTimeout().multipliedBy(Math.max(1, members)))
          .build();
    }
    return ActivityOptions.newBuilder(send)
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(Duration.ofMinutes(1))
        .build();
  }

  /**
   * What Temporal dispatches a notification's tasks by: its priority's key (lower first) and its
   * sender as the fairness key, so one sender's backlog shares a priority level with the others'
   * instead of holding them behind it. Set on the workflow at its start and on its activities too:
   * a server merges the workflow's into activities that set none, but the test server forgets it
   * at continue-as-new.
   */
  public static io.temporal.common.Priority taskPriority(Priority priority, String sender) {
    return io.temporal.common.Priority.newBuilder()
        .setPriorityKey(priority.temporalPriorityKey())
        .setFairnessKey(sender)
        .build();
  }

  /** {@code options} dispatched with a notification's {@link #taskPriority}, on its workflow's lane. */
  static ActivityOptions prioritized(ActivityOptions options, Priority priority, String sender) {
    return ActivityOptions.newBuilder(onWorkflowsLane(options)).setPriority(taskPriority(priority, sender)).build();
  }

  /**
   * {@code options} on the lane of the workflow that runs now ({@link TaskQueues#onLaneOf}). Every history
   * recorded before lanes started on the default lane, whose queues this leaves as they are.
   */
  static ActivityOptions onWorkflowsLane(ActivityOptions options) {
    if (options.getTaskQueue() == null) {
      return options;
    }
    String queue = TaskQueues.onLaneOf(Workflow.getInfo().getTaskQueue(), options.getTaskQueue());
    return queue.equals(options.getTaskQueue()) ? options : ActivityOptions.newBuilder(options).setTaskQueue(queue).build();
  }

  /** The delivery log is our own database: retried until it answers, never given up on. */
  public static ActivityOptions deliveryLog() {
    return SendPolicies.ownDatabase(TaskQueues.NOTIFICATIONS);
  }

  /** Handing events to digests: Temporal and the delivery log, retried until they answer as the log is. */
  public static ActivityOptions digestHandOver() {
    return deliveryLog();
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

  private static LocalActivityOptions local(ActivityOptions options) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(options.getStartToCloseTimeout())
        .setRetryOptions(options.getRetryOptions())
        .build();
  }
}
