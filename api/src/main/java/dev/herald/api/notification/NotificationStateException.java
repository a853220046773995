package dev.herald.api.notification;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** The notification exists but cannot do what was asked in its current state. */
public class NotificationStateException extends ProblemException {

  public NotificationStateException(String message) {
    super(ProblemType.WRONG_STATE, message);
  }
}
