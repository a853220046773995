package dev.herald.activities.sending;

import dev.herald.activities.delivery.DeliveryOutcome;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.channel.RepeatHarm;
import dev.herald.workflows.messages.Channel;
import java.util.List;
import java.util.function.Consumer;

/**
 * A batch's outcomes written as they happen. Where a repeated message reaches a person (SMS, calls,
 * push, Slack) each outcome is written before the next send, so a crash makes a retry send again at
 * most the message being sent. Where the receiving side recognises a repeat (email, in-app) they
 * are handed to the worker's {@link OutcomeWriter}, which writes those of all running batches
 * together while they send on; a send waits while more than {@link #MOST_HANDED} of its batch's
 * outcomes are not written yet, so a crash leaves at most {@link #MOST_UNRECORDED} sent messages
 * of a batch out of the log. One write per email would cost a broadcast a third of its speed
 * (docs/benchmarks.md). One instance per batch attempt, used by its thread (and the writer's).
 */
public final class OutcomeWrites {

  /** Outcomes of one batch handed over and not yet written, at most, before its next send. */
  static final int MOST_HANDED = 8;

  /** Sent messages of one batch that a crash can leave out of the log: those handed over, and the one being sent. */
  public static final int MOST_UNRECORDED = MOST_HANDED + 1;

  private final Consumer<List<DeliveryOutcome>> eachNow;
  private final OutcomeWriter writer;
  private int unwritten;
  private RuntimeException failure;

  /**
   * @param eachNow writes outcomes on this thread (where a repeat reaches a person)
   * @param writer writes them for every batch together (where a repeat is recognised)
   */
  OutcomeWrites(Consumer<List<DeliveryOutcome>> eachNow, OutcomeWriter writer, Channel channel) {
    this.eachNow = eachNow;
    this.writer = Channels.of(channel).repeatHarm() == RepeatHarm.RECOGNISED ? writer : null;
  }

  void record(DeliveryOutcome outcome) {
    if (writer == null) {
      eachNow.accept(List.of(outcome));
      return;
    }
    synchronized (this) {
      unwritten++;
    }
    writer.hand(outcome, this);
  }

  /** Before a send: waits while more than {@link #MOST_HANDED} outcomes are unwritten; a failed write fails here. */
  void beforeSend() {
    awaitAtMost(MOST_HANDED);
  }

  /** Waits until every outcome handed over is in the log; a failed write fails here. */
  void awaitWritten() {
    awaitAtMost(0);
  }

  /** Called by the writer: {@code count} of this batch's outcomes are in the log. */
  synchronized void written(int count) {
    unwritten -= count;
    notifyAll();
  }

  /** Called by the writer: this batch's outcomes could not be written. */
  synchronized void failed(RuntimeException cause) {
    failure = cause;
    notifyAll();
  }

  private synchronized void awaitAtMost(int most) {
    if (unwritten > most && failure == null) {
      writer.hurry();
    }
    while (unwritten > most && failure == null) {
      try {
        wait();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while outcomes were being written", interrupted);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
