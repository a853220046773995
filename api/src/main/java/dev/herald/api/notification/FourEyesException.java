package dev.herald.api.notification;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** An admin deciding on a send it asked for itself: refused, it needs a second person. */
public class FourEyesException extends ProblemException {

  public FourEyesException(String reason) {
    super(ProblemType.FOUR_EYES, reason);
  }
}
