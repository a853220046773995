package dev.herald.workflows;

/**
 * The orchestration task queue's name. Each channel's queue is named by its descriptor
 * ({@code dev.herald.workflows.channel.Channels}).
 */
public final class TaskQueues {

  /** Notification workflows and their bookkeeping activities (delivery log, templates). */
  public static final String NOTIFICATIONS = "herald-notifications";

  private TaskQueues() {}
}
