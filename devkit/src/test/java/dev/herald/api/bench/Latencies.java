package dev.herald.api.bench;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/** Latencies in microseconds (HdrHistogram, 3 significant digits), printed as p50/p99/max in ms. */
final class Latencies {

  private final Histogram histogram = new Histogram(Duration.ofMinutes(30).toNanos() / 1000, 3);

  synchronized void record(Duration latency) {
    histogram.recordValue(Math.max(0, latency.toNanos() / 1000));
  }

  synchronized long count() {
    return histogram.getTotalCount();
  }

  synchronized double p50Ms() {
    return histogram.getValueAtPercentile(50) / 1000.0;
  }

  synchronized double p99Ms() {
    return histogram.getValueAtPercentile(99) / 1000.0;
  }

  synchronized double maxMs() {
    return histogram.getMaxValue() / 1000.0;
  }

  @Override
  public String toString() {
    return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", p50Ms(), p99Ms(), maxMs(), count());
  }
}
