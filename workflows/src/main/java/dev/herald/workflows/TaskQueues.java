package dev.herald.workflows;

import dev.herald.workflows.messages.Channel;

/** The one place for Temporal task queue names: one queue for orchestration, one per channel. */
public final class TaskQueues {

  /** Notification workflows and their bookkeeping activities (delivery log). */
  public static final String NOTIFICATIONS = "herald-notifications";

  public static final String EMAIL = "email";
  public static final String SMS = "sms";
  public static final String VOICE = "voice";
  public static final String PUSH = "push";
  public static final String IN_APP = "in-app";

  private TaskQueues() {}

  public static String forChannel(Channel channel) {
    return switch (channel) {
      case EMAIL -> EMAIL;
      case SMS -> SMS;
      case VOICE -> VOICE;
      case PUSH -> PUSH;
      case IN_APP -> IN_APP;
    };
  }
}
