package dev.herald.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** docs/api.md lists the problem types as the catalog has them: each row, and none the catalog lacks. */
class ProblemCatalogDocTest {

  @Test
  void theApiDocsTableIsTheCatalog() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "api.md"));
    var rows = doc.lines().filter(line -> line.startsWith("| `/problems/")).toList();

    assertThat(rows).containsExactlyElementsOf(Arrays.stream(ProblemType.values())
        .map(type -> "| `" + type.uri() + "` | " + type.status().value() + " | " + type.title() + " | " + type.when() + " |")
        .toList());
  }
}
