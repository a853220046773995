package dev.herald.activities.preference;

import java.time.Instant;

/**
 * A category of notifications as an admin described it. A critical one (e.g. one-time codes) passes
 * opt-outs that do not name it ({@link MemberChoices}). A category needs no record to be used.
 */
public record Category(String name, boolean critical, String description, String updatedBy, Instant updatedAt) {

  /** Category names: lower case letters, digits, '.', '_' and '-', up to 64, starting with a letter or digit. */
  public static final String NAME = "^[a-z0-9][a-z0-9._-]{0,63}$";
  /** The longest description, in characters. */
  public static final int MAX_DESCRIPTION_CHARS = 1000;
}
