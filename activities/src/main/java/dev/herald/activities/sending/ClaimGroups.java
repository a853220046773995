package dev.herald.activities.sending;

import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.channel.RepeatHarm;
import dev.herald.workflows.messages.Channel;

/**
 * How many members a batch claims at once, just before sending them. A notification cancelled
 * mid-group still sends the rest of that group (its deliveries were taken), so it is 1 wherever a
 * message reaches a person ({@link RepeatHarm}); elsewhere a larger group saves claim statements.
 * What a crash makes a retry send again does not depend on it: each outcome is written as it happens
 * ({@link OutcomeWrites}).
 */
public final class ClaimGroups {

  /** Where the receiving side recognises a repeat. */
  static final int RECOGNISED_REPEATS = 32;

  private ClaimGroups() {}

  public static int sizeFor(Channel channel) {
    return Channels.of(channel).repeatHarm() == RepeatHarm.RECOGNISED ? RECOGNISED_REPEATS : 1;
  }
}
