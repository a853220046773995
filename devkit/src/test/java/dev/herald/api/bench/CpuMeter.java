package dev.herald.api.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * CPU spent while a benchmark row runs, per item it did, and where: this JVM (Herald, the harness
 * and, in-process, the Temporal test server and the Kafka broker), the Temporal dev server process,
 * PostgreSQL, and the rest of the machine (the SMTP sink, the kernel's own threads). Every row here
 * keeps both cores busy, so two rows' throughputs stand about in the inverse ratio of their CPU per
 * item, and this says which process the difference went to. From {@code /proc} (Linux); elsewhere
 * every figure is NaN.
 */
final class CpuMeter {

  /** USER_HZ, the unit of /proc/stat and /proc/[pid]/stat: 100 on every Linux build that matters here. */
  private static final double MS_PER_TICK = 10;
  private static final Path PROC = Path.of("/proc");
  private static final long SELF = ProcessHandle.current().pid();

  private final Snapshot start;

  private CpuMeter(Snapshot start) {
    this.start = start;
  }

  static CpuMeter start() {
    return new CpuMeter(Snapshot.take());
  }

  /** CPU milliseconds per item since {@link #start}, by process group. */
  Cpu perItem(int items) {
    Snapshot end = Snapshot.take();
    return new Cpu(ms(end.box - start.box, items), ms(end.jvm - start.jvm, items),
        ms(end.temporal - start.temporal, items), ms(end.postgres - start.postgres, items));
  }

  /**
   * CPU milliseconds so far of this JVM's threads, the collector's and the compilers' included, summed by the
   * name the system knows (15 characters) without digits: a pool's threads as one.
   */
  static Map<String, Long> threadsMs() {
    Map<String, Long> byName = new HashMap<>();
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(PROC.resolve("self/task"))) {
      for (Path thread : threads) {
        try {
          String name = Files.readString(thread.resolve("comm")).strip().replaceAll("[0-9]+", "#");
          byName.merge(name, (long) (Snapshot.ticks(thread) * MS_PER_TICK), Long::sum);
        } catch (IOException gone) {
          // a thread that ended meanwhile
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
    return byName;
  }

  /** CPU milliseconds so far of each of the machine's processes, by pid. */
  static Map<String, Long> processesMs() {
    Map<String, Long> byPid = new HashMap<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path process : processes) {
        byPid.put(process.getFileName().toString(), (long) (Snapshot.ticks(process) * MS_PER_TICK));
      }
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
    return byPid;
  }

  /** A pid and the start of its command line now (a PostgreSQL backend's names its statement, or idle). */
  static String process(String pid) {
    try {
      String command = Files.readString(PROC.resolve(pid).resolve("cmdline")).replace('\0', ' ').strip();
      return pid + " " + command.substring(0, Math.min(40, command.length()));
    } catch (IOException gone) {
      return pid;
    }
  }

  /** The eight that took the most CPU between two readings, in ms, named by {@code label} (new ones count from zero). */
  static String busiest(Map<String, Long> before, Map<String, Long> after, UnaryOperator<String> label) {
    return after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
        .map(e -> label.apply(e.getKey()) + " " + e.getValue() + " ms").collect(Collectors.joining(", "));
  }

  private static double ms(long ticks, int items) {
    return ticks < 0 ? Double.NaN : ticks * MS_PER_TICK / items;
  }

  /** CPU milliseconds per item: the whole machine, and of it this JVM, the Temporal dev server and PostgreSQL. */
  record Cpu(double boxMs, double jvmMs, double temporalMs, double postgresMs) {

    /** The mean of several rows' figures. */
    static Cpu mean(List<Cpu> rows) {
      return new Cpu(rows.stream().mapToDouble(Cpu::boxMs).average().orElse(Double.NaN),
          rows.stream().mapToDouble(Cpu::jvmMs).average().orElse(Double.NaN),
          rows.stream().mapToDouble(Cpu::temporalMs).average().orElse(Double.NaN),
          rows.stream().mapToDouble(Cpu::postgresMs).average().orElse(Double.NaN));
    }

    @Override
    public String toString() {
      String split = String.format("JVM %.1f", jvmMs) + (temporalMs >= 0.05 ? String.format(", Temporal server %.1f", temporalMs) : "")
          + String.format(", PostgreSQL %.1f, rest %.1f", postgresMs, boxMs - jvmMs - temporalMs - postgresMs);
      return String.format("%.1f ms CPU (%s)", boxMs, split);
    }
  }

  /** Busy ticks so far: the machine's, and those of the processes in each group (a process started since counts from zero). */
  private record Snapshot(long box, long jvm, long temporal, long postgres) {

    static Snapshot take() {
      Map<String, Long> byGroup = new HashMap<>();
      try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
        for (Path process : processes) {
          String group = group(process);
          if (group != null) {
            byGroup.merge(group, ticks(process), Long::sum);
          }
        }
        return new Snapshot(boxTicks(), byGroup.getOrDefault("jvm", 0L), byGroup.getOrDefault("temporal", 0L),
            byGroup.getOrDefault("postgres", 0L));
      } catch (IOException | RuntimeException unreadable) {
        return new Snapshot(-1, -1, -1, -1);
      }
    }

    private static String group(Path process) {
      if (Long.parseLong(process.getFileName().toString()) == SELF) {
        return "jvm";
      }
      String command = stat(process);
      if (command == null) {
        return null;
      }
      String name = command.substring(command.indexOf('(') + 1, command.lastIndexOf(')'));
      return name.equals("temporal") ? "temporal" : name.startsWith("postgres") ? "postgres" : null;
    }

    /** utime + stime of a process (its threads included), or 0 when it has gone. */
    private static long ticks(Path process) {
      String stat = stat(process);
      if (stat == null) {
        return 0;
      }
      // the fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String stat(Path process) {
      try {
        return Files.readString(process.resolve("stat"));
      } catch (IOException gone) {
        return null;
      }
    }

    /** user + nice + system + irq + softirq + steal of all CPUs. */
    private static long boxTicks() throws IOException {
      String[] cpu = Files.readAllLines(PROC.resolve("stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(cpu[field]);
      }
      return busy;
    }
  }
}
