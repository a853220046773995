package dev.herald.activities.logging;

import java.util.ArrayList;
import java.util.List;

/**
 * A failure as the log may show it: each exception of the chain by its class and stack trace, without its
 * message, which may quote what failed (a provider's or a library's words about an address or a body).
 */
public final class RedactedFailure extends RuntimeException {

  /** A longer chain is cut: a cause cycle or a runaway wrapper. */
  private static final int MOST_CAUSES = 16;

  private RedactedFailure(Throwable failure, RedactedFailure cause) {
    super(failure.getClass().getName() + " (message left out)", cause, false, true);
    setStackTrace(failure.getStackTrace());
  }

  /** The failure and its causes, each by its class and stack trace only. */
  public static RedactedFailure withoutMessages(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && chain.size() < MOST_CAUSES && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    RedactedFailure redacted = null;
    for (int i = chain.size() - 1; i >= 0; i--) {
      redacted = new RedactedFailure(chain.get(i), redacted);
    }
    return redacted;
  }
}
