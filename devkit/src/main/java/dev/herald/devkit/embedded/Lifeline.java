package dev.herald.devkit.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a command so that it cannot outlive the JVM that starts it. A shutdown hook stops a child
 * when the JVM exits normally, but not after a {@code kill -9}, an OOM kill, or a supervisor that
 * sends SIGTERM and then SIGKILL a moment later. The child is then orphaned: it keeps its ports and
 * its data file, and the next start finds them taken.
 *
 * <p>The wrapper is a POSIX shell that runs the command in the background and reads its own stdin,
 * a pipe from this JVM ({@link ProcessBuilder}'s default). The kernel closes that pipe when the JVM
 * dies, however it dies. On end of file the wrapper sends SIGTERM to the command, so it shuts down
 * gracefully. SIGTERM to the wrapper itself ({@link Process#destroy()}) is passed on the same way.
 * Either way the wrapper waits for the command and exits with its exit code. Without {@code /bin/sh}
 * the command runs unwrapped.
 */
final class Lifeline {

  private static final Path SHELL = Path.of("/bin/sh");
  /** $0 of the wrapper, as ps shows it. */
  static final String NAME = "herald-lifeline";

  // fd 3 keeps the JVM's pipe for the watcher: a background job's stdin is /dev/null in sh.
  private static final String SCRIPT = String.join("\n",
      "exec 3<&0",
      "\"$@\" 3<&- </dev/null &",
      "child=$!",
      "(cat <&3 >/dev/null; kill -TERM \"$child\" 2>/dev/null) &",
      "watcher=$!",
      "exec 3<&-",
      "trap 'kill -TERM \"$child\" 2>/dev/null' TERM INT HUP",
      "wait \"$child\"; code=$?",
      // a trap interrupts wait: wait again until the child has really exited
      "while kill -0 \"$child\" 2>/dev/null; do wait \"$child\"; code=$?; done",
      "kill \"$watcher\" 2>/dev/null",
      "exit \"$code\"");

  private Lifeline() {}

  /** {@code command}, run so that it gets SIGTERM when this JVM exits; keep the process's stdin open. */
  static List<String> around(List<String> command) {
    if (!Files.isExecutable(SHELL)) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of(SHELL.toString(), "-c", SCRIPT, NAME));
    wrapped.addAll(command);
    return wrapped;
  }
}
