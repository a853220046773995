package dev.herald.devkit.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Finds the {@code temporal} executable where {@code go install} and package managers put it: on
 * PATH, in {@code $(go env GOPATH)/bin}, in {@code ~/go/bin}.
 */
final class TemporalCli {

  static final String VERSION = "v1.5.1";
  static final String INSTALL_COMMAND = "go install github.com/temporalio/cli/cmd/temporal@" + VERSION;

  private final Map<String, String> env;
  private final Path home;
  private final Supplier<Optional<String>> goEnvGopath;

  TemporalCli(Map<String, String> env, Path home, Supplier<Optional<String>> goEnvGopath) {
    this.env = env;
    this.home = home;
    this.goEnvGopath = goEnvGopath;
  }

  /** This machine's: its PATH and GOPATH, the user's home, {@code go env GOPATH} as a last resort. */
  static TemporalCli onThisMachine() {
    return new TemporalCli(System.getenv(), Path.of(System.getProperty("user.home")), TemporalCli::runGoEnvGopath);
  }

  Optional<Path> find() {
    List<Path> directories = new ArrayList<>();
    for (String entry : split(env.get("PATH"))) {
      directories.add(Path.of(entry));
    }
    for (String entry : split(env.get("GOPATH"))) {
      directories.add(Path.of(entry, "bin"));
    }
    Optional<Path> found = firstExecutable(directories);
    if (found.isEmpty()) {
      found = goEnvGopath.get().flatMap(gopath -> firstExecutable(split(gopath).stream().map(p -> Path.of(p, "bin")).toList()));
    }
    return found.or(() -> firstExecutable(List.of(home.resolve("go").resolve("bin"))));
  }

  /** The executable, or an error that says how to install it. */
  Path require() {
    return find().orElseThrow(() -> new DevServerStartException(
        "herald.temporal.dev-server=cli, but no `temporal` executable was found on PATH, in $(go env GOPATH)/bin "
            + "or in ~/go/bin.",
        "Install the Temporal CLI with `" + INSTALL_COMMAND + "`, or set herald.temporal.dev-server=in-process "
            + "(HERALD_TEMPORAL_DEV_SERVER) or TEMPORAL_ADDRESS."));
  }

  private static Optional<Path> firstExecutable(List<Path> directories) {
    String name = System.getProperty("os.name", "").startsWith("Windows") ? "temporal.exe" : "temporal";
    return directories.stream().map(d -> d.resolve(name))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .findFirst();
  }

  private static List<String> split(String pathList) {
    if (pathList == null || pathList.isBlank()) {
      return List.of();
    }
    return List.of(pathList.split(File.pathSeparator)).stream().filter(s -> !s.isBlank()).toList();
  }

  /** {@code go env GOPATH} when Go is installed (it may differ from $GOPATH and ~/go: {@code go env -w}). */
  private static Optional<String> runGoEnvGopath() {
    try {
      Process go = new ProcessBuilder("go", "env", "GOPATH").redirectErrorStream(true).start();
      if (!go.waitFor(5, TimeUnit.SECONDS)) {
        go.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return go.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // no Go
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
