package dev.herald.activities.recipient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** JSON lines: one recipient object a line, fields as in the REST API; blank lines are skipped. */
final class JsonLinesRows {

  /** A key given twice in one line is refused, as in the REST API. */
  private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> TEXT_FIELDS = Set.of("id", "name", "locale", "timeZone", "email", "phone", "slack");

  private JsonLinesRows() {}

  /** A line longer than this is rejected unread (and skipped), so one endless line cannot exhaust memory. */
  static final int MAX_LINE_CHARS = 256 * 1024;

  static void read(Reader body, Consumer<ParsedRow> rows) throws IOException {
    Lines lines = new Lines(rows);
    char[] buffer = new char[64 * 1024];
    for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
      for (int i = 0; i < n; i++) {
        lines.accept(buffer[i]);
      }
    }
    lines.end();
  }

  /** Splits characters into lines, keeping at most {@link #MAX_LINE_CHARS} of one. */
  private static final class Lines {
    private final Consumer<ParsedRow> rows;
    private final StringBuilder line = new StringBuilder();
    private long number;
    private boolean tooLong;

    Lines(Consumer<ParsedRow> rows) {
      this.rows = rows;
    }

    void accept(char c) {
      if (c == '\n') {
        emit();
      } else if (line.length() < MAX_LINE_CHARS) {
        line.append(c);
      } else {
        tooLong = true;
      }
    }

    void end() {
      if (!line.isEmpty() || tooLong) {
        emit();
      }
    }

    private void emit() {
      number++;
      String text = line.toString();
      if (tooLong) {
        rows.accept(ParsedRow.unreadable(number, "longer than " + MAX_LINE_CHARS + " characters"));
      } else if (!text.isBlank()) {
        rows.accept(parse(number, text));
      }
      line.setLength(0);
      tooLong = false;
    }
  }

  private static ParsedRow parse(long number, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      return ParsedRow.unreadable(number, message.startsWith("Duplicate field")
          ? message.replace("Duplicate field", "a field is given twice:") : "not JSON");
    }
    if (!node.isObject()) {
      return ParsedRow.unreadable(number, "must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = node.get(name);
      if (TEXT_FIELDS.contains(name)) {
        if (!value.isNull() && !value.isTextual()) {
          return ParsedRow.unreadable(number, name + ": must be a string");
        }
      } else if (name.equals("attributes")) {
        if (!value.isNull() && !value.isObject()) {
          return ParsedRow.unreadable(number, "attributes: must be a JSON object");
        }
      } else {
        return ParsedRow.unreadable(number, name + ": unknown field; custom values go under attributes");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> attributes = node.hasNonNull("attributes") ? JSON.convertValue(node.get("attributes"), Map.class) : null;
    return ParsedRow.of(number, new RecipientData(text(node, "id"), text(node, "name"), text(node, "locale"),
        text(node, "timeZone"), text(node, "email"), text(node, "phone"), text(node, "slack"), attributes));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
