package dev.herald.api.deadletter;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** The dead letter exists but cannot do what was asked in its status (re-drive a discarded one, discard a re-driven one). */
public class DeadLetterStateException extends ProblemException {

  public DeadLetterStateException(String message) {
    super(ProblemType.WRONG_STATE, message);
  }
}
