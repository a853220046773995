package dev.herald.workflows.notification;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.PlannedDelivery;
import dev.herald.workflows.messages.Recipient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which messages a notification sends: one per recipient address and channel, duplicates dropped. */
final class DeliveryPlan {

  private DeliveryPlan() {}

  static List<PlannedDelivery> of(NotificationSpec spec) {
    List<PlannedDelivery> planned = new ArrayList<>();
    for (Channel channel : spec.channels()) {
      Set<String> seen = new LinkedHashSet<>();
      for (Recipient recipient : spec.recipients()) {
        String address = addressOf(recipient, channel);
        if (address != null && seen.add(address.toLowerCase())) {
          planned.add(new PlannedDelivery(NotificationIds.delivery(spec.id(), channel, seen.size() - 1), spec.id(), channel, address));
        }
      }
    }
    return planned;
  }

  /** The recipient's address on a channel, or null when it has none there. */
  static String addressOf(Recipient recipient, Channel channel) {
    return switch (channel) {
      case EMAIL -> recipient.email();
      case SMS, VOICE, PUSH, IN_APP -> null;
    };
  }
}
