package dev.herald.worker.lanes;

import dev.herald.activities.precedence.Precedence;
import io.temporal.worker.Worker;
import io.temporal.worker.tuning.ActivitySlotInfo;
import io.temporal.worker.tuning.CompositeTuner;
import io.temporal.worker.tuning.FixedSizeSlotSupplier;
import io.temporal.worker.tuning.WorkerTuner;
import io.temporal.worker.tuning.WorkflowSlotInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops polling the low lanes' task queues while {@link Precedence} says HIGH work runs in this process, and
 * polls them again when it says so: the server then dispatches no LOW task to this process meanwhile, and
 * its CPU and the server's go to the HIGH work. Tasks already taken finish; a poll already waiting may
 * still bring one each. Between those pauses, while HIGH work still runs, each lane takes its tasks one at a
 * time ({@link GivingWaySlots}, through the {@link #tuner} its worker was built with).
 */
public final class LowLanePolling {

  /** How often the lanes are checked: well below the hold, so LOW resumes soon after HIGH ends. */
  static final Duration TICK = Duration.ofMillis(20);

  private final Precedence precedence;
  private final List<Worker> lowLanes = new ArrayList<>();
  private final List<GivingWaySlots<?>> slots = new ArrayList<>();
  private ScheduledExecutorService ticker;
  private boolean suspended;

  public LowLanePolling(Precedence precedence) {
    this.precedence = precedence;
  }

  /**
   * The task slots of a low lane with one poller that executes up to {@code concurrency} tasks of each kind at
   * once: while HIGH work runs, a slot for each queue it polls, its task queue and, for workflow tasks, its
   * sticky queue.
   */
  public synchronized WorkerTuner tuner(int concurrency) {
    GivingWaySlots<WorkflowSlotInfo> workflowTasks = new GivingWaySlots<>(Math.max(2, concurrency), 2,
        precedence::highWorkRuns);
    GivingWaySlots<ActivitySlotInfo> activities = new GivingWaySlots<>(concurrency, 1, precedence::highWorkRuns);
    slots.add(workflowTasks);
    slots.add(activities);
    return new CompositeTuner(workflowTasks, activities, new FixedSizeSlotSupplier<>(concurrency),
        new FixedSizeSlotSupplier<>(concurrency));
  }

  /** A low lane to steer, built with a {@link #tuner} of this. */
  public synchronized void add(Worker lowLane) {
    lowLanes.add(lowLane);
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
    grantWaiting();
  }

  /** Reservations that waited while HIGH work ran get their slots once it stops. */
  private void grantWaiting() {
    List<GivingWaySlots<?>> all;
    synchronized (this) {
      all = List.copyOf(slots);
    }
    all.forEach(GivingWaySlots::grantWaiting);
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
