package dev.herald.activities.delivery;

import java.sql.SQLException;

/** Why PostgreSQL refused a value, in words for a person: its SQLSTATE, never the driver's exception classes. */
public final class StorageRefusals {

  private StorageRefusals() {}

  /** e.g. "PostgreSQL refused a value (SQLSTATE 22021: a character it cannot store, such as U+0000)". */
  public static String describe(Throwable failure) {
    String state = null;
    for (Throwable cause = failure; cause != null && state == null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        state = sql.getSQLState();
      }
    }
    if (state == null) {
      return "PostgreSQL refused a value";
    }
    return "PostgreSQL refused a value (SQLSTATE " + state + meaning(state) + ")";
  }

  private static String meaning(String state) {
    return switch (state) {
      case "22021", "22P05" -> ": a character it cannot store, such as U+0000";
      case "22001" -> ": a value too long for its column";
      case "23502" -> ": a required value is missing";
      default -> state.startsWith("22") ? ": a value it cannot take" : "";
    };
  }
}
