package dev.herald.api.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The time of one call of a short operation: batches of calls, after batches run only to warm the
 * JIT, each batch's time divided by its calls, and the median and 99th percentile of those over the
 * batches. Two clocks: the CPU time of the calling thread, which a busy machine's other processes do
 * not inflate (it leaves out what other threads do for the call: the collector, PostgreSQL), and the
 * wall time ({@link System#nanoTime}), which is what a request waits. A batch's inputs are prepared
 * before its clocks start, and its results kept ({@link #consume}) so that none is optimised away.
 * (JMH is not in the build: this is its batching, without its forks.)
 */
final class PerCall {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Prepares a batch of {@code calls} inputs, untimed, and answers the operation on the i-th. */
  interface Batch {
    IntConsumer prepare(int calls);
  }

  /** Per call, in nanoseconds: the median and 99th percentile of the batches' means, on each clock. */
  record Figures(double cpuP50, double cpuP99, double wallP50, double wallP99, int batches, int calls) {

    /** How they were measured, e.g. "200 batches of 1,000 calls". */
    String how() {
      return calls == 1 ? String.format("%,d calls timed one by one", batches)
          : String.format("%,d batches of %,d calls", batches, calls);
    }

    /** The CPU figures, then the wall's. */
    @Override
    public String toString() {
      return "CPU p50 " + us(cpuP50) + ", p99 " + us(cpuP99) + " (wall p50 " + us(wallP50) + ", p99 " + us(wallP99) + ")";
    }
  }

  /** Results land here, so the compiler cannot drop a call whose result is unused. */
  private static volatile Object sink;

  private PerCall() {}

  static Figures measure(int warmUpBatches, int batches, int calls, Batch batch) {
    return alternately(warmUpBatches, batches, calls, batch).get(0);
  }

  /**
   * Several operations measured in turns, a batch of each per round, so that whatever drifts while
   * they run (the JIT, a neighbour on the machine) weighs on each alike: their figures in that order.
   */
  static List<Figures> alternately(int warmUpRounds, int rounds, int calls, Batch... batches) {
    double[][] cpu = new double[batches.length][rounds];
    double[][] wall = new double[batches.length][rounds];
    for (int round = -warmUpRounds; round < rounds; round++) {
      for (int b = 0; b < batches.length; b++) {
        IntConsumer call = batches[b].prepare(calls);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          call.accept(i);
        }
        long wallEnd = System.nanoTime();
        long cpuEnd = THREADS.getCurrentThreadCpuTime();
        if (round >= 0) {
          cpu[b][round] = (cpuEnd - cpuStart) / (double) calls;
          wall[b][round] = (wallEnd - wallStart) / (double) calls;
        }
      }
    }
    List<Figures> figures = new ArrayList<>();
    for (int b = 0; b < batches.length; b++) {
      Arrays.sort(cpu[b]);
      Arrays.sort(wall[b]);
      figures.add(new Figures(p(cpu[b], 0.5), p(cpu[b], 0.99), p(wall[b], 0.5), p(wall[b], 0.99), rounds, calls));
    }
    return figures;
  }

  static void consume(Object result) {
    sink = result;
  }

  /** Microseconds, to three significant digits or so. */
  static String us(double nanos) {
    double us = Math.abs(nanos) / 1000;
    return (nanos < 0 ? "-" : "") + String.format(us < 10 ? "%.2f µs" : us < 100 ? "%.1f µs" : "%.0f µs", us);
  }

  private static double p(double[] sorted, double quantile) {
    return sorted[(int) Math.ceil(quantile * sorted.length) - 1];
  }
}
