package dev.herald.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ops/prometheus/alerts.yml as Prometheus reads it: {@code promtool check rules} (syntax, types, templates)
 * and {@code promtool test rules} over alerts.test.yml (each alert fires on what it is for). promtool is
 * {@code HERALD_PROMTOOL}, installed by ./test.sh, else {@code promtool} on the PATH; without it the test fails
 * saying so. That the rules' metrics are exported is MetricsIT's.
 */
class AlertRulesTest {

  private static final Path RULES = Path.of("..", "ops", "prometheus");

  @Test
  void promtoolAcceptsTheAlertRules() throws Exception {
    assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS");
  }

  @Test
  void eachAlertFiresOnWhatItIsFor() throws Exception {
    assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
  }

  private static String promtool(String... arguments) throws IOException, InterruptedException {
    String executable = promtoolExecutable().orElseThrow(() -> new IllegalStateException(
        "promtool not found: run ./test.sh, which installs it, or set HERALD_PROMTOOL"));
    List<String> command = Stream.concat(Stream.of(executable), Stream.of(arguments)).toList();
    Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
    return output;
  }

  private static Optional<String> promtoolExecutable() {
    String configured = System.getenv("HERALD_PROMTOOL");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured);
    }
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).map(Path::toString).findFirst();
  }
}
