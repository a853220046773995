package dev.herald.activities.deadletter;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeadLetterStatus;
import java.time.Instant;

/**
 * What a page of dead letters (or a bulk re-drive) is narrowed to; every part optional (null; a blank
 * text counts as none).
 *
 * @param since dead-lettered at or after (inclusive)
 * @param until dead-lettered before (exclusive)
 */
public record DeadLetterFilter(
    DeadLetterStatus status,
    DeadLetterKind kind,
    Channel channel,
    String errorCode,
    String sender,
    Instant since,
    Instant until) {

  public DeadLetterFilter {
    errorCode = errorCode == null || errorCode.isBlank() ? null : errorCode;
    sender = sender == null || sender.isBlank() ? null : sender;
  }

  /** The same filter, on open dead letters only (what a bulk re-drive takes). */
  public DeadLetterFilter open() {
    return new DeadLetterFilter(DeadLetterStatus.OPEN, kind, channel, errorCode, sender, since, until);
  }
}
