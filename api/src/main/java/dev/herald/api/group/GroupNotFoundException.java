package dev.herald.api.group;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

final class GroupNotFoundException extends ProblemException {
  GroupNotFoundException(String key) {
    super(ProblemType.NOT_FOUND, "no group has the key '" + key + "'");
  }
}
