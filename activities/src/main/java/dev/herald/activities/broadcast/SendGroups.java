package dev.herald.activities.broadcast;

import dev.herald.workflows.messages.Channel;

/**
 * How many members a batch sends between two writes to the delivery log: one statement records the
 * outcomes of a group and claims the next. The size is therefore also the most a batch sends again
 * after its worker died (members claimed and sent, not yet recorded), so it is 1 wherever a repeat
 * reaches a person: SMS, calls and push. An email sent again carries the same Message-ID (the
 * delivery id), which receiving mail systems drop as a duplicate; an inbox item is written once per
 * delivery id whatever happens. A broadcast cancelled mid-group still sends the rest of that group.
 */
public final class SendGroups {

  /**
   * Where a repeat is harmless. A 100k email broadcast on the 2-core box (docs/benchmarks.md), as a
   * share of the SMTP sink's ceiling: 1 member per write 38%, 16 members 46-49%, 32 54%, 64 56%.
   */
  static final int REPEATABLE = 32;

  private SendGroups() {}

  public static int sizeFor(Channel channel) {
    return switch (channel) {
      case EMAIL, IN_APP -> REPEATABLE;
      case SMS, VOICE, PUSH -> 1;
    };
  }
}
