package dev.herald.activities.recipient;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;

/** How rows of an import are written: JSON lines or CSV with a header row. */
public enum ImportFormat {
  JSON_LINES {
    @Override
    void read(Reader body, Consumer<ParsedRow> rows) throws IOException {
      JsonLinesRows.read(body, rows);
    }
  },
  CSV {
    @Override
    void read(Reader body, Consumer<ParsedRow> rows) throws IOException {
      CsvRows.read(body, rows);
    }
  };

  /** Streams the rows to {@code rows} one at a time, never holding more than one. */
  abstract void read(Reader body, Consumer<ParsedRow> rows) throws IOException;
}
