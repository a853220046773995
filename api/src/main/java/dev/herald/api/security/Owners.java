package dev.herald.api.security;

import dev.herald.activities.text.TextRules;
import dev.herald.api.notification.InvalidRequestException;

/**
 * Whose recipients, groups, devices and inbox a call works on: its owner, a sender identity. Ids and
 * keys are unique per owner, so the owner is part of every address. A sender key and a recipient
 * token work on their own sender's; an admin on its own too, or on the sender it names by {@code
 * owner}. A sender naming another is a 400 naming {@code owner}, as for templates.
 */
public final class Owners {

  public static final String PARAMETER = "owner";
  /** As a notification's {@code sender}, which a send resolves recipients and groups by. */
  public static final int MAX_CHARS = 100;
  public static final String DESCRIPTION = "whose recipients (a sender identity): the caller's own sender by "
      + "default; only an admin may name another";

  private Owners() {}

  public static String of(Caller caller, String named) {
    if (named == null || named.equals(caller.sender())) {
      return caller.sender();
    }
    if (!caller.isAdmin()) {
      throw new InvalidRequestException(PARAMETER, "differs from this credential's sender '" + caller.sender()
          + "': a sender works on its own recipients and groups (leave owner out)");
    }
    if (named.isBlank()) {
      throw new InvalidRequestException(PARAMETER, "must be a sender identity of 1-" + MAX_CHARS + " characters");
    }
    TextRules.line(named, MAX_CHARS).ifPresent(problem -> {
      throw new InvalidRequestException(PARAMETER, problem);
    });
    return named;
  }
}
