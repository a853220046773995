package dev.herald.activities.sending;

import dev.herald.activities.delivery.DeliveryOutcome;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.channel.RepeatHarm;
import dev.herald.workflows.messages.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A batch's outcomes written as they happen. Where a repeated message reaches a person (SMS, calls,
 * push, Slack) each outcome is written before the next send, so a crash makes a retry send again at
 * most the message being sent. Where the receiving side recognises a repeat (email, in-app) they go
 * {@link #GROUP} at a time: once that many wait, one statement on a writer thread writes them while
 * this thread sends on (the next write waits for that one), so at any moment at most one written
 * group and the outcomes waiting since, plus the message being sent, are not in the log yet
 * ({@link #MOST_UNRECORDED}). One write per email would cost a 100k broadcast more than a third of
 * its speed (docs/benchmarks.md). The last outcomes are written by the batch's own thread. One
 * instance per batch attempt; not thread-safe.
 */
public final class OutcomeWrites {

  /** Outcomes per write where a repeat is recognised. */
  static final int GROUP = 8;

  /** Sent emails of one batch that a crash can leave out of the log: a group being written, the next one, the send. */
  public static final int MOST_UNRECORDED = 2 * GROUP;

  private static final ExecutorService WRITERS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "herald-outcome-writer");
    thread.setDaemon(true);
    return thread;
  });

  private final Consumer<List<DeliveryOutcome>> write;
  private final int group;
  private final List<DeliveryOutcome> waiting = new ArrayList<>();
  private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

  OutcomeWrites(Consumer<List<DeliveryOutcome>> write, Channel channel) {
    this.write = write;
    this.group = Channels.of(channel).repeatHarm() == RepeatHarm.RECOGNISED ? GROUP : 1;
  }

  void record(DeliveryOutcome outcome) {
    if (group == 1) {
      write.accept(List.of(outcome));
    } else {
      waiting.add(outcome);
    }
  }

  /** Before a send: once a group of outcomes waits, writes it while this thread sends (after the previous write). */
  void beforeSend() {
    if (waiting.size() >= group) {
      awaitInFlight();
      List<DeliveryOutcome> outcomes = List.copyOf(waiting);
      waiting.clear();
      inFlight = CompletableFuture.runAsync(() -> write.accept(outcomes), WRITERS);
    }
  }

  /** Waits until every outcome handed over is in the log (the rest written here); a failed write fails here. */
  void awaitWritten() {
    awaitInFlight();
    if (!waiting.isEmpty()) {
      write.accept(List.copyOf(waiting));
      waiting.clear();
    }
  }

  private void awaitInFlight() {
    try {
      inFlight.join();
    } catch (CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }
}
