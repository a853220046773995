package dev.herald.worker.lanes;

import dev.herald.activities.precedence.Precedence;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops polling the low lanes' task queues while {@link Precedence} says HIGH work runs in this process, and
 * polls them again when it says so: the server then dispatches no LOW task to this process meanwhile, and
 * its CPU and the server's go to the HIGH work. Tasks already taken finish; a poll already waiting may
 * still bring one each.
 */
public final class LowLanePolling {

  /** How often the lanes are checked: well below the hold, so LOW resumes soon after HIGH ends. */
  static final Duration TICK = Duration.ofMillis(20);

  private final Precedence precedence;
  private final List<Worker> lowLanes;
  private ScheduledExecutorService ticker;
  private boolean suspended;

  public LowLanePolling(Precedence precedence, List<Worker> lowLanes) {
    this.precedence = precedence;
    this.lowLanes = List.copyOf(lowLanes);
  }

  public synchronized void start() {
    if (lowLanes.isEmpty() || ticker != null) {
      return;
    }
    ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "herald-low-lanes");
      thread.setDaemon(true);
      return thread;
    });
    ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
  }

  void tick() {
    steer(precedence.lowLanesGiveWay(System.nanoTime()));
  }

  private synchronized void steer(boolean giveWay) {
    if (giveWay == suspended) {
      return;
    }
    suspended = giveWay;
    for (Worker lane : lowLanes) {
      if (giveWay) {
        lane.suspendPolling();
      } else {
        lane.resumePolling();
      }
    }
  }

  /** Whether the lanes are not being polled now. */
  public synchronized boolean suspended() {
    return suspended;
  }
}
