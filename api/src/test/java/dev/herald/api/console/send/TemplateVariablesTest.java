package dev.herald.api.console.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.notification.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form's variable rows as a template's variables. */
class TemplateVariablesTest {

  @Test
  void rowsAreTextAndDottedNamesNest() {
    Map<String, Object> variables = TemplateVariables.of(List.of(new VariableRow("name", "민준"),
        new VariableRow("order.id", "42"), new VariableRow("order.total", "9.90"), new VariableRow("", "")));

    assertThat(variables).isEqualTo(Map.of("name", "민준", "order", Map.of("id", "42", "total", "9.90")));
  }

  @Test
  void aValueWithoutANameOrANameTwiceIsRefusedNamingVariables() {
    for (List<VariableRow> rows : List.of(List.of(new VariableRow(" ", "x")),
        List.of(new VariableRow("a", "1"), new VariableRow("a", "2")),
        List.of(new VariableRow("order", "1"), new VariableRow("order.id", "2")),
        List.of(new VariableRow("order..id", "1")))) {
      assertThatThrownBy(() -> TemplateVariables.of(rows)).as(rows.toString())
          .isInstanceOfSatisfying(InvalidRequestException.class, e ->
              assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("variables")));
    }
  }

  @Test
  void aPathOfDotsAloneIsNotPlaced() {
    Map<String, Object> variables = new LinkedHashMap<>();

    assertThat(TemplateVariables.place(variables, ".", "{{.}}")).isFalse();
    assertThat(TemplateVariables.place(variables, ".name", "{{.name}}")).isTrue();
    assertThat(variables).isEqualTo(Map.of("", Map.of("name", "{{.name}}")));
  }
}
