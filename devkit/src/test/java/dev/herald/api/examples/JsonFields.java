package dev.herald.api.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The docs show an answer by its key fields: an object holds when each field shown is there with a
 * value that holds (other fields may be there too); an array when each element shown holds for some
 * element of the answer's; anything else when it is equal.
 */
final class JsonFields {

  private JsonFields() {}

  /** Why {@code actual} does not hold what {@code shown} shows at {@code path}, or empty when it does. */
  static Optional<String> mismatch(JsonNode shown, JsonNode actual, String path) {
    if (shown.isObject()) {
      if (!actual.isObject()) {
        return Optional.of(at(path) + "is not an object");
      }
      for (Map.Entry<String, JsonNode> field : shown.properties()) {
        String fieldPath = path + "." + field.getKey();
        if (!actual.has(field.getKey())) {
          return Optional.of(at(fieldPath) + "is missing");
        }
        Optional<String> inner = mismatch(field.getValue(), actual.get(field.getKey()), fieldPath);
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (shown.isArray()) {
      if (!actual.isArray()) {
        return Optional.of(at(path) + "is not an array");
      }
      for (JsonNode element : shown) {
        boolean found = false;
        for (JsonNode candidate : actual) {
          found |= mismatch(element, candidate, path).isEmpty();
        }
        if (!found) {
          return Optional.of(at(path) + "has no element like " + element);
        }
      }
      return Optional.empty();
    }
    boolean equal = shown.isNumber() && actual.isNumber()
        ? shown.decimalValue().compareTo(actual.decimalValue()) == 0
        : shown.equals(actual);
    return equal ? Optional.empty() : Optional.of(at(path) + "is " + actual + ", not " + shown);
  }

  private static String at(String path) {
    return (path.isEmpty() ? "the answer" : path.substring(1)) + " ";
  }
}
