package dev.herald.api.preference;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;
import dev.herald.workflows.messages.Channel;

final class SuppressionNotFoundException extends ProblemException {
  SuppressionNotFoundException(Channel channel) {
    super(ProblemType.NOT_FOUND, "no " + channel + " suppression of this address is held by this owner");
  }
}
