package dev.herald.activities.push;

import com.google.firebase.messaging.AndroidConfig;
import dev.herald.workflows.messages.Priority;

/**
 * A notification's priority as each push service takes it: FCM's Android priority, APNs'
 * {@code apns-priority} (10: at once; 5: as the device's power allows) and web push's {@code Urgency}
 * (RFC 8030). Android and APNs have two levels, so LOW goes as NORMAL there.
 */
enum PushPriority {
  HIGH(AndroidConfig.Priority.HIGH, "10", "high"),
  NORMAL(AndroidConfig.Priority.NORMAL, "5", "normal"),
  LOW(AndroidConfig.Priority.NORMAL, "5", "low");

  final AndroidConfig.Priority android;
  final String apns;
  final String webUrgency;

  PushPriority(AndroidConfig.Priority android, String apns, String webUrgency) {
    this.android = android;
    this.apns = apns;
    this.webUrgency = webUrgency;
  }

  /** Null (a batch of a workflow from before batches carried it) is NORMAL. */
  static PushPriority of(Priority priority) {
    return priority == null ? NORMAL : valueOf(priority.name());
  }
}
