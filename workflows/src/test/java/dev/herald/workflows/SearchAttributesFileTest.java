package dev.herald.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.IndexedValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The dev-server script registers exactly the search attributes the code uses. */
class SearchAttributesFileTest {

  @Test
  void devServerScriptRegistersEveryHeraldSearchAttribute() throws IOException {
    Map<String, String> inFile = Files.readAllLines(Path.of("../temporal-dev/search-attributes")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(line -> line.split("=", 2))
        .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));

    Map<String, String> inCode = HeraldSearchAttributes.DEFINITIONS.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> cliTypeOf(e.getValue())));
    assertThat(inFile).isEqualTo(inCode);
  }

  private static String cliTypeOf(IndexedValueType type) {
    return switch (type) {
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      default -> throw new IllegalArgumentException("unmapped type " + type);
    };
  }
}
