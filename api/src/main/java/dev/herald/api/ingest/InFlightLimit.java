package dev.herald.api.ingest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backpressure for Kafka ingestion, one per priority lane ({@link PriorityLanes}): before starting a
 * notification, the lane waits while more than {@code herald.kafka.max-in-flight} notifications of its
 * priority or higher are being accepted or sent (the delivery log's count, so all processes together).
 * The backlog then waits in the Kafka topic, served in
 * order, instead of in Temporal's task queues, where equal-priority tasks are not served in arrival
 * order and some would wait far longer than the rest. After {@code max-wait} it starts anyway:
 * slower, never lost.
 *
 * <p>The count is asked at most every {@link #RECHECK} (50 ms) and shared by the listener
 * threads, which add the starts they let through since: one query per record (a count over every
 * notification in flight) was a large part of the database's work at full speed. A waiting thread
 * asks again when the count is due; a new count wakes the other waiting threads to use it at once.
 */
class InFlightLimit {

  private static final Logger log = LoggerFactory.getLogger(InFlightLimit.class);
  private static final Duration RECHECK = Duration.ofMillis(50);

  private final IntSupplier inFlight;
  private final int limit;
  private final Duration maxWait;
  private boolean counted;
  private long countedAt;
  private int lastCount;
  private int startedSinceCount;

  /** {@code inFlight}: the delivery log's count of notifications in flight. */
  InFlightLimit(IntSupplier inFlight, IngestProperties properties) {
    this.inFlight = inFlight;
    this.limit = properties.maxInFlight();
    this.maxWait = properties.maxWait();
  }

  /** Returns once there is room, or after {@code max-wait}; true when it had to wait. */
  synchronized boolean awaitRoom() throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    boolean waited = false;
    while (!takeRoom()) {
      long now = System.nanoTime();
      if (now >= deadline) {
        log.warn("still {} or more notifications in flight after {}; starting the next one anyway", limit, maxWait);
        return true;
      }
      waited = true;
      // releases the monitor; woken by another thread's new count, or when the next count is due
      TimeUnit.NANOSECONDS.timedWait(this, Math.min(deadline, countedAt + RECHECK.toNanos()) - now);
    }
    return waited;
  }

  /** Room for one more start by the last count (asked again when older than the recheck interval) and the starts since. */
  private boolean takeRoom() {
    long now = System.nanoTime();
    if (!counted || now - countedAt >= RECHECK.toNanos()) {
      lastCount = inFlight.getAsInt();
      countedAt = now;
      counted = true;
      startedSinceCount = 0;
      notifyAll();
    }
    if (lastCount + startedSinceCount >= limit) {
      return false;
    }
    startedSinceCount++;
    return true;
  }
}
