package dev.herald.api.console.send;

import dev.herald.api.notification.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variable rows of the form as a request's {@code variables}: every value a string, a dotted name
 * nested as the template reads it ({@code order.id} is {@code {"order": {"id": ...}}}). A row with a
 * value but no name, a name given twice or both as a value and as an object is refused naming {@code
 * variables}.
 */
final class TemplateVariables {

  private TemplateVariables() {}

  /** The rows as a mutable nested map; empty when none has a name. */
  static Map<String, Object> of(List<VariableRow> rows) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      VariableRow row = rows.get(i);
      if (row.isBlank()) {
        continue;
      }
      String name = row.name() == null ? "" : row.name().trim();
      if (name.isEmpty()) {
        throw refused("row " + (i + 1) + " has a value but no name");
      }
      if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
        throw refused("'" + name + "' is not a variable name: dots separate the parts of a name, as in order.id");
      }
      if (!place(variables, name, row.value() == null ? "" : row.value())) {
        throw refused("'" + name + "' is given twice, or both as a value and as the start of a dotted name");
      }
    }
    return variables;
  }

  /**
   * Puts {@code value} at the dotted {@code path}, making the objects on the way; false when something
   * is there already (a value, or a value where an object should be), or the path is dots alone.
   */
  @SuppressWarnings("unchecked")
  static boolean place(Map<String, Object> variables, String path, Object value) {
    String[] parts = path.split("\\.");
    if (parts.length == 0) {
      return false;
    }
    Map<String, Object> at = variables;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
      if (!(next instanceof Map)) {
        return false;
      }
      at = (Map<String, Object>) next;
    }
    return at.putIfAbsent(parts[parts.length - 1], value) == null;
  }

  private static InvalidRequestException refused(String message) {
    return new InvalidRequestException("variables", message);
  }
}
