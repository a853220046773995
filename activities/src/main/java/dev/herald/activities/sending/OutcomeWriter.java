package dev.herald.activities.sending;

import dev.herald.activities.delivery.DeliveryOutcome;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One thread of this worker writing the outcomes handed over by every running batch (where a repeat
 * is recognised, {@link OutcomeWrites}): each statement carries what all batches sent while the
 * previous one ran, and lingers at most {@link #LINGER} for more unless a batch waits for it. So
 * each write stays cheap while every batch keeps only a few outcomes unwritten. A statement that
 * fails is retried per batch, so one batch's bad row fails only that batch.
 */
@Component
class OutcomeWriter {

  /** How long a write waits for more outcomes when no batch waits for it. */
  static final Duration LINGER = Duration.ofMillis(2);

  /** Outcomes per statement at most. */
  static final int MOST_PER_WRITE = 256;

  private static final Logger log = LoggerFactory.getLogger(OutcomeWriter.class);

  private record Handed(DeliveryOutcome outcome, OutcomeWrites batch) {}

  /** Handed over by a batch that now waits: write without lingering. */
  private static final Handed HURRY = new Handed(null, null);

  private final Consumer<List<DeliveryOutcome>> store;
  private final BlockingQueue<Handed> queue = new LinkedBlockingQueue<>();
  private final Thread thread;

  @Autowired
  OutcomeWriter(BatchStore store) {
    this(store::recordSends);
  }

  /** @param store writes outcomes in one statement (all or none) */
  OutcomeWriter(Consumer<List<DeliveryOutcome>> store) {
    this.store = store;
    this.thread = new Thread(this::run, "herald-outcome-writer");
    thread.setDaemon(true);
    thread.start();
  }

  void hand(DeliveryOutcome outcome, OutcomeWrites batch) {
    queue.add(new Handed(outcome, batch));
  }

  /** A batch waits for its outcomes: the next write starts now. */
  void hurry() {
    queue.add(HURRY);
  }

  @PreDestroy
  void stop() {
    thread.interrupt();
  }

  private void run() {
    List<Handed> taken = new ArrayList<>();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        taken.clear();
        taken.add(queue.take());
        collect(taken);
        write(taken);
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  /** Adds what comes within {@link #LINGER} of the first, up to {@link #MOST_PER_WRITE}; at once when hurried. */
  private void collect(List<Handed> taken) throws InterruptedException {
    long deadline = System.nanoTime() + LINGER.toNanos();
    boolean hurried = taken.get(0) == HURRY;
    while (!hurried && taken.size() < MOST_PER_WRITE) {
      Handed next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      taken.add(next);
      hurried = next == HURRY;
    }
    queue.drainTo(taken, MOST_PER_WRITE - taken.size());
  }

  private void write(List<Handed> taken) {
    Map<OutcomeWrites, List<DeliveryOutcome>> byBatch = new LinkedHashMap<>();
    for (Handed handed : taken) {
      if (handed != HURRY) {
        byBatch.computeIfAbsent(handed.batch(), batch -> new ArrayList<>()).add(handed.outcome());
      }
    }
    if (byBatch.isEmpty()) {
      return;
    }
    try {
      store.accept(byBatch.values().stream().flatMap(List::stream).toList());
      byBatch.forEach((batch, outcomes) -> batch.written(outcomes.size()));
    } catch (RuntimeException together) {
      log.warn("writing {} outcomes of {} batches at once failed; writing each batch's alone", taken.size(),
          byBatch.size(), together);
      byBatch.forEach(this::writeAlone);
    }
  }

  private void writeAlone(OutcomeWrites batch, List<DeliveryOutcome> outcomes) {
    try {
      store.accept(outcomes);
      batch.written(outcomes.size());
    } catch (RuntimeException | Error failed) {
      batch.failed(failed instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed));
    }
  }
}
