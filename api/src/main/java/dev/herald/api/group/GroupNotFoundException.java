package dev.herald.api.group;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

/** No group of the owner has this key (another sender's is none of the caller's). */
public final class GroupNotFoundException extends ProblemException {
  public GroupNotFoundException(String key) {
    super(ProblemType.NOT_FOUND, "no group has the key '" + key + "'");
  }
}
