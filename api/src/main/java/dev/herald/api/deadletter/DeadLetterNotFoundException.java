package dev.herald.api.deadletter;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

public class DeadLetterNotFoundException extends ProblemException {

  public DeadLetterNotFoundException(long id) {
    this(Long.toString(id));
  }

  public DeadLetterNotFoundException(String id) {
    super(ProblemType.NOT_FOUND, "no dead letter with id " + id);
  }
}
