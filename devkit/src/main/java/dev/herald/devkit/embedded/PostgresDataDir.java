package dev.herald.devkit.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This JVM's claim on the embedded PostgreSQL's persistent data folder: an exclusive lock on
 * {@code <folder>.lock}, held until {@link #close()}. The kernel releases the lock when the JVM exits,
 * however it exits.
 *
 * <p>PostgreSQL runs as its own process. If the app is killed ({@code kill -9}, an OOM kill), PostgreSQL
 * keeps running on the folder, and the next start fails with "lock file postmaster.pid already
 * exists". Once the claim is taken, no other Herald uses the folder, so a postmaster still named in
 * its {@code postmaster.pid} was left behind. It gets SIGTERM (PostgreSQL's smart shutdown; the dead
 * app's connections are gone, so it stops at once) before this JVM starts its own; after 30 s, SIGKILL
 * (PostgreSQL then recovers from its WAL on start: nothing committed is lost either way).
 */
final class PostgresDataDir implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PostgresDataDir.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path folder;
  private final FileChannel channel;
  private final FileLock lock;

  private PostgresDataDir(Path folder, FileChannel channel, FileLock lock) {
    this.folder = folder;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the folder for this JVM and stops a PostgreSQL left running on it; fails if another Herald holds it. */
  static PostgresDataDir claim(Path folder) throws IOException {
    Path lockFile = folder.resolveSibling(folder.getFileName() + ".lock");
    Files.createDirectories(folder.getParent());
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException inThisJvm) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("Another Herald is using " + folder + " (it holds " + lockFile + "): stop it, "
          + "or give this one its own folder with herald.data-dir (HERALD_DATA_DIR)");
    }
    PostgresDataDir claimed = new PostgresDataDir(folder, channel, lock);
    claimed.stopLeftoverPostmaster();
    return claimed;
  }

  Path folder() {
    return folder;
  }

  private void stopLeftoverPostmaster() throws IOException {
    Optional<ProcessHandle> leftover = postmaster();
    if (leftover.isEmpty()) {
      return;
    }
    ProcessHandle postmaster = leftover.get();
    log.warn("PostgreSQL: pid {} still runs on {}, left by an earlier Herald that did not stop cleanly; stopping it",
        postmaster.pid(), folder);
    try {
      postmaster.destroy();
      postmaster.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping the PostgreSQL left on " + folder, e);
    } catch (ExecutionException | TimeoutException e) {
      log.warn("PostgreSQL: pid {} did not stop within {} s; killing it",
          postmaster.pid(), STOP_TIMEOUT.toSeconds());
      postmaster.destroyForcibly();
      postmaster.onExit().join();
    }
  }

  /** The live postgres process named in the folder's postmaster.pid, if any (its first line is the pid). */
  private Optional<ProcessHandle> postmaster() throws IOException {
    Path pidFile = folder.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
        .filter(ProcessHandle::isAlive)
        .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
