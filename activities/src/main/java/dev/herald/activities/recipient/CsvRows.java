package dev.herald.activities.recipient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CSV (RFC 4180, quoted fields may span lines) with a header row naming the columns: id, name,
 * locale, timeZone, email, phone, slack; any other column becomes a string attribute. Empty cells are absent.
 */
final class CsvRows {

  private static final CsvMapper CSV = new CsvMapper();
  private static final List<String> KNOWN = List.of("id", "name", "locale", "timeZone", "email", "phone", "slack");

  private CsvRows() {}

  static void read(Reader body, Consumer<ParsedRow> rows) throws IOException {
    try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(body)) {
      List<String> header = null;
      long line = 1;
      try {
        while (parser.nextToken() == JsonToken.START_ARRAY) {
          List<String> cells = new ArrayList<>();
          for (JsonToken cell = parser.nextToken(); cell != JsonToken.END_ARRAY; cell = parser.nextToken()) {
            if (cells.isEmpty()) {
              line = parser.currentTokenLocation().getLineNr();
            }
            cells.add(parser.getText());
          }
          if (header == null) {
            header = cells.stream().map(String::strip).toList();
            if (!header.contains("id")) {
              rows.accept(ParsedRow.unreadable(line, "the header row must name an id column; found " + header));
              return;
            }
          } else if (!(cells.size() == 1 && cells.get(0).isBlank())) {
            rows.accept(row(line, header, cells));
          }
        }
      } catch (JsonProcessingException e) {
        long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
        rows.accept(ParsedRow.unreadable(at, "malformed CSV, import stopped here: " + e.getOriginalMessage()));
      }
    }
  }

  private static ParsedRow row(long line, List<String> header, List<String> cells) {
    if (cells.size() > header.size()) {
      return ParsedRow.unreadable(line, "has " + cells.size() + " columns, the header " + header.size());
    }
    Map<String, String> known = new LinkedHashMap<>();
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (cell.isEmpty()) {
        continue;
      }
      String column = header.get(i);
      if (KNOWN.contains(column)) {
        known.put(column, cell);
      } else {
        attributes.put(column, cell);
      }
    }
    return ParsedRow.of(line, new RecipientData(known.get("id"), known.get("name"), known.get("locale"),
        known.get("timeZone"), known.get("email"), known.get("phone"), known.get("slack"), attributes));
  }
}
