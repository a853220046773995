package dev.herald.api.problem;

import java.io.IOException;

/** A request body read past the limit (herald.api.max-body-size): Jackson's read stops there with a 413. */
public final class BodyTooLargeException extends IOException {

  public static final String DETAIL = "the request body is larger than this server takes (herald.api.max-body-size)";

  public BodyTooLargeException() {
    super(DETAIL);
  }

  static boolean in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }
}
