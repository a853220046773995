package dev.herald.api.recipient;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** No recipient has this id. */
public class RecipientNotFoundException extends ProblemException {
  public RecipientNotFoundException(String id) {
    super(ProblemType.NOT_FOUND, "no recipient has the id '" + id + "'");
  }
}
