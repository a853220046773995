package dev.herald.api.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.herald.api.HeraldIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's and docs' examples, pasted in order as a reader would: each runs with bash and the real
 * curl against the embedded default, and every answer has the status and key fields the docs show.
 * An example marked not run is reported as skipped with its reason. The convention: docs/testing.md.
 */
class DocExamplesIT extends HeraldIntegrationTest {

  /** How long an awaited example (a result that comes a moment later) may take to hold. */
  static final Duration AWAITED = Duration.ofSeconds(60);

  @TestFactory
  Stream<DynamicTest> everyExampleAnswersAsTheDocsShow() throws IOException {
    DocExamples docs = DocExamples.in(repository());
    ExampleShell shell = new ExampleShell(port, Files.createDirectories(Path.of("target", "doc-examples")), ADMIN_KEY);
    Stream<DynamicTest> convention = Stream.of(dynamicTest("every block follows the convention",
        () -> assertThat(docs.problems()).as("blocks that break docs/testing.md's convention").isEmpty()));
    return Stream.concat(convention, docs.examples().stream().map(example -> dynamicTest(example.name(), () -> {
      Assumptions.assumeTrue(example.notRun() == null, () -> "not run: " + example.notRun());
      if (example.awaited()) {
        await().atMost(AWAITED).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> runOnce(example, shell));
      } else {
        runOnce(example, shell);
      }
    })));
  }

  private static void runOnce(DocExample example, ExampleShell shell) {
    String runnable = shell.runnable(example.text());
    assertThat(runnable).as("%s reaches port 8080 other than by %s", example.where(), ExampleShell.DOCS_BASE_URL)
        .doesNotContain(":8080");
    ExampleShell.Run run = shell.run(example.text());
    List<Expectation> expected = example.expectations();
    if (run.answers().size() != expected.size()) {
      throw new AssertionError(example.where() + ": " + run.answers().size() + " curl calls but " + expected.size()
          + " answers shown (a '# <status>' after each call)\n" + run.output());
    }
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      expected.get(i).mismatch(run.answers().get(i)).ifPresent(mismatches::add);
    }
    if (!mismatches.isEmpty()) {
      throw new AssertionError(String.join("\n", mismatches) + "\nin the example at " + example.where() + ":\n"
          + runnable);
    }
  }

  /** The repository's root: where README.md and docs/ are, above this module. */
  private static Path repository() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no README.md with docs/ above " + Path.of("").toAbsolutePath());
  }
}
