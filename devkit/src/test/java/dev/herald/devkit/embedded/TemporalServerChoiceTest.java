package dev.herald.devkit.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Temporal the all-in-one app starts without TEMPORAL_ADDRESS; nothing is spawned. */
class TemporalServerChoiceTest {

  @TempDir Path dir;

  private static final Supplier<Optional<String>> NO_GO = Optional::empty;

  @Test
  void autoUsesTheCliWhenAnExecutableIsFound() {
    assertThat(DevServerMode.AUTO.usesCli(() -> Optional.of(Path.of("/opt/bin/temporal")))).isTrue();
  }

  @Test
  void autoFallsBackToInProcessWithoutAnExecutable() {
    assertThat(DevServerMode.AUTO.usesCli(Optional::empty)).isFalse();
  }

  @Test
  void inProcessNeverLooksForTheCli() {
    assertThat(DevServerMode.IN_PROCESS.usesCli(() -> {
      throw new AssertionError("looked for the CLI");
    })).isFalse();
  }

  @Test
  void cliModeWithoutTheExecutableFailsNamingTheInstallCommand() {
    assertThat(DevServerMode.CLI.usesCli(Optional::empty)).isTrue();
    TemporalCli cli = new TemporalCli(Map.of("PATH", dir.toString()), dir.resolve("home"), NO_GO);

    assertThatThrownBy(cli::require)
        .isInstanceOf(DevServerStartException.class)
        .hasMessageContaining("go install github.com/temporalio/cli/cmd/temporal@v1.5.1")
        .hasMessageContaining("herald.temporal.dev-server=in-process");
  }

  @Test
  void findsTheExecutableOnPath() throws IOException {
    Path bin = executable(dir.resolve("bin"));
    TemporalCli cli = new TemporalCli(Map.of("PATH", "/nonexistent:" + bin.getParent()), dir.resolve("home"), NO_GO);

    assertThat(cli.find()).contains(bin);
  }

  @Test
  void findsTheExecutableInGopathBinAndInHomeGoBin() throws IOException {
    Path inGopath = executable(dir.resolve("gopath/bin"));
    assertThat(new TemporalCli(Map.of("GOPATH", dir.resolve("gopath").toString()), dir.resolve("home"), NO_GO).find())
        .contains(inGopath);
    assertThat(new TemporalCli(Map.of(), dir.resolve("home"), () -> Optional.of(dir.resolve("gopath").toString())).find())
        .contains(inGopath);

    Path inHome = executable(dir.resolve("home/go/bin"));
    assertThat(new TemporalCli(Map.of(), dir.resolve("home"), NO_GO).find()).contains(inHome);
  }

  @Test
  void ignoresAFileThatIsNotExecutable() throws IOException {
    Files.createDirectories(dir.resolve("bin"));
    Files.createFile(dir.resolve("bin/temporal"));

    assertThat(new TemporalCli(Map.of("PATH", dir.resolve("bin").toString()), dir.resolve("home"), NO_GO).find()).isEmpty();
  }

  private static Path executable(Path directory) throws IOException {
    Files.createDirectories(directory);
    return Files.createFile(directory.resolve("temporal"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
  }
}
