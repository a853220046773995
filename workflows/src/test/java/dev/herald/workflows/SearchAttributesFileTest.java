package dev.herald.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dev-server script and compose file register exactly the search attributes the code uses (the all-in-one app
 * passes {@link HeraldSearchAttributes#cliDefinitions()} to the dev server it starts).
 */
class SearchAttributesFileTest {

  @Test
  void devServerScriptRegistersEveryHeraldSearchAttribute() throws IOException {
    Map<String, String> inFile = Files.readAllLines(Path.of("../temporal-dev/search-attributes")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split("=", 2))
        .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));

    Map<String, String> inCode = HeraldSearchAttributes.DEFINITIONS.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> HeraldSearchAttributes.cliType(e.getValue())));
    assertThat(inFile).isEqualTo(inCode);
  }

  @Test
  void composeFileRegistersEveryHeraldSearchAttribute() throws IOException {
    Matcher matcher = Pattern.compile("--search-attribute (\\S+)")
        .matcher(Files.readString(Path.of("../temporal-dev/compose.yaml")));
    List<String> inCompose = new ArrayList<>();
    while (matcher.find()) {
      inCompose.add(matcher.group(1));
    }
    assertThat(inCompose).containsExactlyInAnyOrderElementsOf(HeraldSearchAttributes.cliDefinitions());
  }
}
