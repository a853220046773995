package dev.herald.activities.sending;

import dev.herald.workflows.messages.DeliveryOutcome;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A batch's outcomes written one by one as they happen, each write overlapping the next send: a
 * send waits for the write before last, never for its own. So at any moment at most one sent
 * message is not yet in the log besides the one being sent, which is all a crash can make a retry
 * send again. One writer per batch attempt; not thread-safe.
 */
public final class OutcomeWrites {

  /** Sent messages of one batch that a crash can leave out of the log: the one being sent, the one being written. */
  public static final int MOST_UNRECORDED = 2;

  private static final ExecutorService WRITERS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "herald-outcome-writer");
    thread.setDaemon(true);
    return thread;
  });

  private final Consumer<List<DeliveryOutcome>> write;
  private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

  OutcomeWrites(Consumer<List<DeliveryOutcome>> write) {
    this.write = write;
  }

  /** Waits for the previous write, then starts this one's. */
  void record(DeliveryOutcome outcome) {
    awaitWritten();
    inFlight = CompletableFuture.runAsync(() -> write.accept(List.of(outcome)), WRITERS);
  }

  /** Waits until every outcome handed over is in the log; a failed write fails here. */
  void awaitWritten() {
    try {
      inFlight.join();
    } catch (CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }
}
