package dev.herald.api.examples;

import java.util.List;

/**
 * One shell block of the docs, where it is ({@code file}, the line of its opening fence), its exact
 * text and what each curl call in it must answer, in order.
 *
 * @param notRun why it is not run (null when it is)
 * @param awaited run again until every answer holds, for results that come a moment later
 */
record DocExample(String file, int line, String text, List<Expectation> expectations, String notRun,
    boolean awaited) {

  String where() {
    return file + ":" + line;
  }

  /** The name a report shows: where it is and its first line. */
  String name() {
    String first = text.lines().findFirst().orElse("").strip();
    return where() + " " + (first.length() > 80 ? first.substring(0, 80) + "…" : first);
  }
}
