package dev.herald.api.device;

import dev.herald.api.notification.FieldViolation;
import dev.herald.api.problem.ProblemException;
import dev.herald.api.problem.ProblemType;
import java.util.List;

/** A token FCM declared dead is not registered again: the device has a new one. */
final class DeviceDeactivatedException extends ProblemException {
  DeviceDeactivatedException(String reason) {
    super(ProblemType.DEVICE_DEACTIVATED,
        "FCM reported this token dead (" + reason + "); it is not used again: register the device's new token");
    property("errors", List.of(new FieldViolation("token", "was deactivated: " + reason)));
  }
}
