package dev.herald.api.console.send;

/** One template variable as typed in the form: a name ({@code order.id} nests) and its value, as text. */
public record VariableRow(String name, String value) {

  static final VariableRow BLANK = new VariableRow("", "");

  boolean isBlank() {
    return (name == null || name.isBlank()) && (value == null || value.isEmpty());
  }
}
