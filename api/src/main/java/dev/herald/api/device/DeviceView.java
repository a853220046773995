package dev.herald.api.device;

import dev.herald.activities.push.DevicePlatform;
import dev.herald.activities.push.PushDevice;
import java.time.Instant;

/**
 * A recipient's device as the API shows it; {@code owner} is the sender whose recipient it is. An
 * inactive device was deactivated because FCM reported its token dead ({@code deactivatedReason},
 * e.g. {@code fcm-UNREGISTERED}).
 */
public record DeviceView(
    String owner,
    String recipientId,
    String token,
    DevicePlatform platform,
    boolean active,
    String deactivatedReason,
    Instant deactivatedAt,
    Instant registeredAt,
    Instant updatedAt) {

  static DeviceView of(PushDevice device) {
    return new DeviceView(device.owner(), device.recipientId(), device.token(), device.platform(), device.active(),
        device.deactivatedReason(), device.deactivatedAt(), device.createdAt(), device.updatedAt());
  }
}
