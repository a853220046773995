package dev.herald.api.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The browser client's own tests (src/test/js, Node's built-in test runner: dedup by notification
 * id, the bounded localStorage set, resuming after the last event id, the API calls). Herald's
 * build needs only a JDK and Maven: where {@code node} is not installed this test is skipped, and
 * the client's server side is still covered by the integration tests.
 */
class HeraldInboxScriptTest {

  @Test
  void inboxClientScriptTestsPassOnNode() throws IOException, InterruptedException {
    Optional<Path> node = executableOnPath("node");
    assumeTrue(node.isPresent(), "node is not installed: the inbox client's script tests are skipped");
    Path output = Files.createTempFile("herald-inbox-node-test", ".log");

    Process run = new ProcessBuilder(node.get().toString(), "--test", "src/test/js/")
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    boolean finished = run.waitFor(2, TimeUnit.MINUTES);
    if (!finished) {
      run.destroyForcibly();
    }

    String log = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    assertThat(finished).as("node --test finished in time").isTrue();
    assertThat(run.exitValue()).as("node --test src/test/js/ failed:%n%s", log).isZero();
    assertThat(log).contains("# fail 0").doesNotContain("# pass 0");
  }

  private static Optional<Path> executableOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .map(directory -> Path.of(directory, name))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
