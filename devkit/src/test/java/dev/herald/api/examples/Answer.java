package dev.herald.api.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** What one curl call got: the HTTP status (0 when there was no answer) and the body as it came. */
record Answer(int status, String body) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN_CHARS = 2_000;

  Optional<JsonNode> json() {
    try {
      return Optional.of(JSON.readTree(body));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    String shown = body.length() > SHOWN_CHARS ? body.substring(0, SHOWN_CHARS) + "…" : body;
    return (status == 0 ? "no answer" : String.valueOf(status)) + " " + shown.strip();
  }
}
