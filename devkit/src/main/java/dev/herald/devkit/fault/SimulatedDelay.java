package dev.herald.devkit.fault;

import java.time.Duration;

/** A simulator holding its answer, as a slow or unresponsive provider does (a fault's latency, a timeout). */
public final class SimulatedDelay {

  private SimulatedDelay() {}

  public static void hold(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
