package dev.herald.api.notification;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

public class NotificationNotFoundException extends ProblemException {

  public NotificationNotFoundException(String id) {
    super(ProblemType.NOT_FOUND, "no notification with id '" + id + "'");
  }
}
