package dev.herald.api.examples;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an example's exact text with bash and the real curl, against Herald on {@code port} instead of
 * the docs' {@link #DOCS_BASE_URL}. A shell function named curl calls the real one with the same
 * arguments and keeps each answer's status line and body aside, so the text runs unchanged (output,
 * pipes and all) and every call's answer can be checked in order.
 */
final class ExampleShell {

  static final String DOCS_BASE_URL = "http://localhost:8080";
  private static final Duration MOST = Duration.ofSeconds(60);
  private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/\\S+ (\\d{3})");
  private static final String RECORDING_CURL = """
      curl() {
        local n
        n=$(( $(cat "$HERALD_EXAMPLE_DIR/calls") + 1 ))
        echo "$n" > "$HERALD_EXAMPLE_DIR/calls"
        command curl --max-time 30 -D "$HERALD_EXAMPLE_DIR/$n.head" "$@" | tee "$HERALD_EXAMPLE_DIR/$n.body"
      }
      """;

  private final String baseUrl;
  private final Path workDir;
  private final String adminKey;

  /** {@code adminKey}: the examples' {@code $HERALD_KEY}, which the README reads from the dev kit's data folder. */
  ExampleShell(int port, Path workDir, String adminKey) {
    this.baseUrl = "http://localhost:" + port;
    this.workDir = workDir.toAbsolutePath();
    this.adminKey = adminKey;
  }

  /** The text as it is run: the docs' base URL replaced by this Herald's. */
  String runnable(String text) {
    return text.replace(DOCS_BASE_URL, baseUrl);
  }

  /** Runs {@code text} once: the answer of each curl call, in order, and what the shell printed. */
  Run run(String text) {
    try {
      Path dir = Files.createTempDirectory(workDir, "example");
      Files.writeString(dir.resolve("calls"), "0");
      Path script = dir.resolve("example.sh");
      Files.writeString(script, RECORDING_CURL + runnable(text));
      Path output = dir.resolve("output");
      ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
          .redirectErrorStream(true).redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .directory(dir.toFile());
      builder.environment().put("HERALD_EXAMPLE_DIR", dir.toString());
      builder.environment().put("HERALD_KEY", adminKey);
      Process bash = builder.start();
      if (!bash.waitFor(MOST.toSeconds(), TimeUnit.SECONDS)) {
        bash.destroyForcibly();
        throw new AssertionError("did not end within " + MOST.toSeconds() + " s");
      }
      int calls = Integer.parseInt(Files.readString(dir.resolve("calls")).strip());
      List<Answer> answers = new ArrayList<>();
      for (int n = 1; n <= calls; n++) {
        answers.add(answer(dir.resolve(n + ".head"), dir.resolve(n + ".body")));
      }
      return new Run(answers, Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Answer answer(Path head, Path body) throws IOException {
    String text = Files.exists(body) ? Files.readString(body, StandardCharsets.UTF_8) : "";
    if (!Files.exists(head)) {
      return new Answer(0, text);
    }
    Matcher status = STATUS_LINE.matcher(Files.readString(head, StandardCharsets.ISO_8859_1));
    int last = 0;
    while (status.find()) {
      last = Integer.parseInt(status.group(1));
    }
    return new Answer(last, text);
  }

  /** What one run of an example got: each curl call's answer, and the shell's output (for a failure's message). */
  record Run(List<Answer> answers, String output) {}
}
