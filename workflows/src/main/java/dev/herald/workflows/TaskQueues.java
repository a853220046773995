package dev.herald.workflows;

import dev.herald.workflows.messages.Priority;

/**
 * The orchestration task queue's name, and the LOW lane of every queue. Each channel's queue is named by
 * its descriptor ({@code dev.herald.workflows.channel.Channels}).
 *
 * <p>LOW notifications run on a lane of their own: their workflow starts on {@link #lowLane} of the
 * orchestration queue, and a workflow there sends its activities to the low lanes of their queues. A worker
 * stops polling the low lanes while higher work runs in its process, so the server dispatches no LOW task then.
 */
public final class TaskQueues {

  /** Notification workflows and their bookkeeping activities (delivery log, templates). */
  public static final String NOTIFICATIONS = "herald-notifications";

  private static final String LOW_LANE = "-low";

  private TaskQueues() {}

  /** The queue a notification of {@code priority} starts on. */
  public static String notificationsFor(Priority priority) {
    return priority == Priority.LOW ? lowLane(NOTIFICATIONS) : NOTIFICATIONS;
  }

  /** The low lane of {@code queue}. */
  public static String lowLane(String queue) {
    return queue + LOW_LANE;
  }

  /** The queue whose lane {@code queue} is: itself unless it is a low lane. */
  public static String laneOwner(String queue) {
    return isLowLane(queue) ? queue.substring(0, queue.length() - LOW_LANE.length()) : queue;
  }

  public static boolean isLowLane(String queue) {
    return queue.endsWith(LOW_LANE);
  }

  /** {@code queue} on the lane of a workflow running on {@code workflowQueue}: its low lane when that is one. */
  public static String onLaneOf(String workflowQueue, String queue) {
    return isLowLane(workflowQueue) && !isLowLane(queue) ? lowLane(queue) : queue;
  }
}
