package dev.herald.api.console;

import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form's errors beside its fields: the API's field violations (by JSON path, e.g. {@code
 * recipients[0].email}) under the form field they belong to. {@code field} is the form's name for the
 * first segment of the path; a violation no field shows stays in {@link #general()}.
 */
public record FormErrors(Map<String, List<String>> byField, List<String> general) {

  public static final FormErrors NONE = new FormErrors(Map.of(), List.of());

  public static FormErrors of(InvalidRequestException e, List<String> fields) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    for (FieldViolation v : e.violations()) {
      String field = fields.stream().filter(f -> v.field().equals(f) || v.field().startsWith(f + ".")
          || v.field().startsWith(f + "[")).findFirst().orElse(null);
      if (field == null) {
        general.add(v.field() + ": " + v.message());
      } else {
        byField.computeIfAbsent(field, f -> new ArrayList<>())
            .add(v.field().equals(field) ? v.message() : v.field() + ": " + v.message());
      }
    }
    return new FormErrors(byField, general);
  }

  public static FormErrors general(String message) {
    return new FormErrors(Map.of(), List.of(message));
  }

  public boolean any() {
    return !byField.isEmpty() || !general.isEmpty();
  }

  public boolean has(String field) {
    return byField.containsKey(field);
  }

  public String of(String field) {
    return String.join("; ", byField.getOrDefault(field, List.of()));
  }
}
