package dev.herald.api.device;

import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;

final class DeviceNotFoundException extends ProblemException {
  DeviceNotFoundException(String recipientId) {
    super(ProblemType.NOT_FOUND, "recipient '" + recipientId + "' has no device with this token");
  }
}
