package dev.herald.api.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;

/**
 * One real OS process of the end-to-end suite (Temporal dev server, infra, api, worker): started with
 * its own log file under target/e2e, health-checked, killed with SIGKILL or stopped with SIGTERM, and
 * started again with the same command (each start gets a new log file).
 */
final class HeraldProcess {

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path logDir;
  private final BooleanSupplier healthy;
  private final Duration startTimeout;
  private Process process;
  private int starts;

  HeraldProcess(String name, List<String> command, Map<String, String> environment, Path logDir,
      BooleanSupplier healthy, Duration startTimeout) {
    this.name = name;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.logDir = logDir;
    this.healthy = healthy;
    this.startTimeout = startTimeout;
  }

  /** Starts the process and waits until its health check passes (or it dies). */
  HeraldProcess start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
    }
    starts++;
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
        .redirectErrorStream(true)
        .redirectOutput(log().toFile());
    builder.environment().putAll(environment);
    try {
      Files.createDirectories(logDir);
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + ": " + command, e);
    }
    Awaitility.await(name + " healthy (log: " + log() + ")")
        .atMost(startTimeout)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log());
          }
          return healthy.getAsBoolean();
        });
    return this;
  }

  /**
   * SIGKILL: no shutdown hook, no graceful stop. Children it leaves behind (the infra's embedded
   * PostgreSQL) are killed too, so that nothing outlives the suite.
   */
  void kill() {
    if (process != null && process.isAlive()) {
      List<ProcessHandle> children = process.descendants().toList();
      process.destroyForcibly();
      waitForExit(Duration.ofSeconds(30));
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
  }

  /** SIGTERM, then waits for the process to exit (SIGKILL after the timeout). */
  void stop(Duration timeout) {
    if (process != null && process.isAlive()) {
      List<ProcessHandle> children = process.descendants().toList();
      process.destroy();
      if (!waitForExit(timeout)) {
        kill();
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  String name() {
    return name;
  }

  /** The log of the latest start. */
  Path log() {
    return logDir.resolve(name + "-" + starts + ".log");
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
