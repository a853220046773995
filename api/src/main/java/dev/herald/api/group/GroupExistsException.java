package dev.herald.api.group;

import dev.herald.api.notification.FieldViolation;
import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;
import java.util.List;

final class GroupExistsException extends ProblemException {
  GroupExistsException(String key) {
    super(ProblemType.GROUP_EXISTS, "a group with the key '" + key + "' exists already");
    property("errors", List.of(new FieldViolation("key", GroupRules.KEY_TAKEN)));
  }
}
