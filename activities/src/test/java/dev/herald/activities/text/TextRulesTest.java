package dev.herald.activities.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"Hello", "배송 안내 🚚", "Zürich · 東京", "a\u200Db", "\uD83D\uDE9A at the end \uD83D\uDE9A"})
  void textThatEveryChannelCanCarryIsAccepted(String text) {
    assertThat(TextRules.line(text, 100)).isEmpty();
    assertThat(TextRules.text(text, 100)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nul \u0000 inside", "bell \u0007", "escape \u001B[31m", "delete \u007F", "c1 \u0090x"})
  void controlCharactersAreRefusedNamingWhereTheyAre(String text) {
    assertThat(TextRules.text(text, 100)).hasValueSatisfying(problem -> assertThat(problem).contains("U+", "at character"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "lone high \uD83D at the end", "\uDE9A lone low first", "swapped \uDE9A\uD83D"})
  void unpairedSurrogatesAreNotUnicode(String text) {
    assertThat(TextRules.line(text, 100)).hasValueSatisfying(problem -> assertThat(problem).contains("unpaired surrogate"));
    assertThat(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isNotEqualTo(text);
  }

  @Test
  void lineBreaksAndTabsAreTextButNotALine() {
    for (String broken : List.of("a\nb", "a\r\nb", "a\u2028b", "a\u2029b")) {
      assertThat(TextRules.line(broken, 100)).hasValueSatisfying(p -> assertThat(p).startsWith("must be a single line"));
      assertThat(TextRules.text(broken, 100)).isEmpty();
    }
    assertThat(TextRules.line("a\tb", 100)).isPresent();
    assertThat(TextRules.text("a\tb", 100)).isEmpty();
  }

  @Test
  void lengthIsCountedInCharacters() {
    assertThat(TextRules.line("x".repeat(10), 10)).isEmpty();
    assertThat(TextRules.line("x".repeat(11), 10)).hasValue("must be at most 10 characters");
  }

  @Test
  void aTokenHasNoSpaceNorSlash() {
    assertThat(TextRules.token("fcm:APA91b-xyz_1", 100)).isEmpty();
    assertThat(TextRules.token("two words", 100)).isPresent();
    assertThat(TextRules.token("a/b", 100)).isPresent();
    assertThat(TextRules.token("nbsp\u00A0inside", 100)).isPresent();
  }

  @Test
  void everyStringOfAJsonValueIsCheckedAndNamedByItsPath() {
    Map<String, Object> variables = Map.of("order", Map.of("items", List.of("ok", "bad\u0000"), "id", 42),
        "bad\uD800key", "x");
    List<String> fields = new ArrayList<>();

    TextRules.json(variables, "variables", 1000, (field, problem) -> fields.add(field));

    assertThat(fields).containsExactlyInAnyOrder("variables.order.items[1]", "variables");
  }

  @Test
  void jsonNestedDeeperThanTheLimitIsRefused() {
    Object nested = "leaf";
    for (int i = 0; i <= TextRules.MAX_DEPTH; i++) {
      nested = List.of(nested);
    }
    List<String> problems = new ArrayList<>();

    TextRules.json(nested, "attributes", 1000, (field, problem) -> problems.add(problem));

    assertThat(problems).singleElement().asString().startsWith("is nested deeper than");
  }

  @Test
  void storableReplacesOnlyWhatCannotBeStoredOrEncoded() {
    assertThat(TextRules.storable("a\u0000b\uD800c 🚚\n")).isEqualTo("a\uFFFDb\uFFFDc 🚚\n");
    assertThat(TextRules.storable("fine")).isEqualTo("fine");
    assertThat(TextRules.storable(null)).isNull();
  }
}
