package dev.herald.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeadlessChromium;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 6: the Temporal UI, in headless Chromium driven by playwright-core (Node), lists Herald's
 * notification workflows filtered by the HeraldSender search attribute; the page is saved as
 * target/e2e/temporal-ui.png.
 */
@ExtendWith(E2eProcesses.class)
class TemporalUiIT {

  @Test
  void temporalUiListsHeraldNotificationsBySender() throws Exception {
    E2eProcesses processes = E2eProcesses.get();
    HeraldClient herald = new HeraldClient(processes.infraUrl());
    String id = herald.sendSingles("ui", 1).get(0);
    herald.awaitStatus(id, Duration.ofMinutes(1), "COMPLETED");

    Path screenshot = processes.dir().resolve("temporal-ui.png");
    String url = processes.temporalUiUrl() + "/namespaces/" + E2eProcesses.NAMESPACE + "/workflows?query=HeraldSender%3D%22e2e%22";
    String[] shown = new String[1];
    Awaitility.await("the Temporal UI lists a notification workflow").atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> (shown[0] = workflowIdShown(url, screenshot, processes.dir().resolve("temporal-ui.log"))) != null);

    assertThat(shown[0]).startsWith("notification-");
    assertThat(screenshot).isNotEmptyFile();
  }

  private static String workflowIdShown(String url, Path screenshot, Path log) throws IOException, InterruptedException, URISyntaxException {
    Path script = Path.of(Objects.requireNonNull(TemporalUiIT.class.getResource("/e2e/temporal-ui.cjs")).toURI());
    Process node = new ProcessBuilder("node", script.toString(), HeadlessChromium.playwright().toString(),
        HeadlessChromium.chromium().toString(), url,
        screenshot.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!node.waitFor(90, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      return null;
    }
    List<String> lines = Files.readAllLines(log);
    lines.stream().filter(line -> line.contains("requires Node.js")).findFirst().ifPresent(line -> {
      throw new IllegalStateException("the node on PATH is too old for playwright: " + line + "; install it: " + HeadlessChromium.INSTALL);
    });
    return lines.stream().filter(line -> line.startsWith("WORKFLOW_ID="))
        .map(line -> line.substring("WORKFLOW_ID=".length())).findFirst().orElse(null);
  }
}
