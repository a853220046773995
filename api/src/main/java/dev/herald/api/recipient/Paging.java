package dev.herald.api.recipient;

import dev.herald.api.notification.InvalidRequestException;

/** Checks the {@code limit} of a paged list. */
public final class Paging {

  private Paging() {}

  public static int limit(Integer limit) {
    if (limit == null) {
      return CursorPage.DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > CursorPage.MAX_LIMIT) {
      throw new InvalidRequestException("limit", "must be 1-" + CursorPage.MAX_LIMIT);
    }
    return limit;
  }
}
