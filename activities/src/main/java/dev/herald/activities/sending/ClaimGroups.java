package dev.herald.activities.sending;

import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.channel.RepeatHarm;
import dev.herald.workflows.messages.Channel;

/**
 * How many members a batch sends between two writes to the delivery log: one statement records the
 * outcomes of a group and claims the next. The size is therefore also the most a batch sends again
 * after its worker died (members claimed and sent, not yet recorded), so it is 1 wherever a repeat
 * reaches a person ({@link RepeatHarm}). A broadcast cancelled mid-group still sends the rest of that group.
 */
public final class ClaimGroups {

  /** Where the receiving side recognises a repeat (docs/benchmarks.md has the trade-off measured). */
  static final int RECOGNISED_REPEATS = 32;

  private ClaimGroups() {}

  public static int sizeFor(Channel channel) {
    return Channels.of(channel).repeatHarm() == RepeatHarm.RECOGNISED ? RECOGNISED_REPEATS : 1;
  }
}
