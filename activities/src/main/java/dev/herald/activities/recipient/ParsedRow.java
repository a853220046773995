package dev.herald.activities.recipient;

/** One row of an import: the recipient it says, or why it could not even be read. */
record ParsedRow(long line, RecipientData data, String error) {

  static ParsedRow of(long line, RecipientData data) {
    return new ParsedRow(line, data, null);
  }

  static ParsedRow unreadable(long line, String error) {
    return new ParsedRow(line, null, error);
  }
}
