package dev.herald.activities.precedence;

import dev.herald.workflows.messages.Priority;

/**
 * A kind of work, ranked: by priority, and within a priority a single send (a few recipients) before
 * a broadcast's batches, so one sender's broadcast does not take the CPU from another's sends.
 */
public record Work(Priority priority, boolean bulk) {

  /** Batches up to this many members are single sends, larger ones a broadcast's (or a long list's). */
  public static final int MOST_MEMBERS_OF_A_SINGLE = 4;

  public static Work of(Priority priority, int members) {
    return new Work(priority == null ? Priority.NORMAL : priority, members > MOST_MEMBERS_OF_A_SINGLE);
  }

  /** 0 is the highest rank: HIGH singles, HIGH batches, NORMAL singles, ... */
  int rank() {
    return priority.ordinal() * 2 + (bulk ? 1 : 0);
  }

  /** How many ranks {@code priority} and the priorities above it take. */
  static int ranksOf(Priority priority) {
    return (priority.ordinal() + 1) * 2;
  }

  static int ranks() {
    return Priority.values().length * 2;
  }
}
