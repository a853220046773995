package dev.herald.api.examples;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What one curl call of an example must answer: a status and, when given, key fields ({@code
 * fields}: every field it shows, with its value; null to check the status only). {@code line} is
 * where the docs say so.
 */
record Expectation(String file, int line, int status, JsonNode fields) {

  /** Why {@code answer} is not what the docs say, or empty when it is. */
  Optional<String> mismatch(Answer answer) {
    if (answer.status() != status) {
      return Optional.of(file + ":" + line + ": expected " + this + ", got " + answer);
    }
    if (fields != null) {
      Optional<String> difference = answer.json()
          .map(body -> JsonFields.mismatch(fields, body, ""))
          .orElse(Optional.of("the answer is not JSON"));
      return difference.map(d -> file + ":" + line + ": " + d + "; expected " + this + ", got " + answer);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return status + (fields == null ? "" : " " + fields);
  }
}
