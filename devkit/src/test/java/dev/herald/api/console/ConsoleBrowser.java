package dev.herald.api.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.HeadlessChromium;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario of src/test/resources/console/scenarios in headless Chromium (browser.cjs) against
 * the console at {@code baseUrl}: a failed expectation in the page fails the test with the scenario's
 * message and log. Screenshots go to target/console-screenshots, the test artifacts.
 */
final class ConsoleBrowser {

  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;

  ConsoleBrowser(int port) {
    this.baseUrl = "http://localhost:" + port;
  }

  /** What the scenario returned; it is given {@code input} as its second argument. */
  Map<String, Object> run(String scenario, Map<String, ?> input) throws IOException, InterruptedException {
    Path log = Files.createTempFile("console-" + scenario, ".log");
    ProcessBuilder node = new ProcessBuilder("node", resource("browser.cjs").toString(),
        resource("scenarios/" + scenario + ".cjs").toString()).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = node.environment();
    env.put("PLAYWRIGHT_DIR", HeadlessChromium.playwright().toString());
    env.put("CHROMIUM", HeadlessChromium.chromium().toString());
    env.put("AXE", HeadlessChromium.axe().toString());
    env.put("BASE_URL", baseUrl);
    env.put("OUT_DIR", SCREENSHOTS.toAbsolutePath().toString());
    env.put("INPUT", JSON.writeValueAsString(input));
    Process process = node.start();
    if (!process.waitFor(4, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the browser scenario " + scenario + " did not end within 4 minutes:\n" + Files.readString(log));
    }
    List<String> lines = Files.readAllLines(log);
    return lines.stream().filter(line -> line.startsWith("RESULT ")).findFirst()
        .map(line -> parse(line.substring("RESULT ".length())))
        .orElseThrow(() -> new AssertionError("the browser scenario " + scenario + " failed:\n" + String.join("\n", lines)));
  }

  private static Map<String, Object> parse(String json) {
    try {
      return JSON.readValue(json, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    } catch (JsonProcessingException e) {
      throw new AssertionError("not a scenario result: " + json, e);
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(ConsoleBrowser.class.getResource("/console/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
