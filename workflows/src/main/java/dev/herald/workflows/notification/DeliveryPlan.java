package dev.herald.workflows.notification;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.PlannedDelivery;
import dev.herald.workflows.messages.Recipient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which messages a notification sends: one per recipient address and channel, duplicate addresses
 * dropped. Grouped in units: with {@code ALL} each delivery is its own unit; with {@code FALLBACK} a
 * unit is one recipient's deliveries in channel order, tried until one gets through.
 */
final class DeliveryPlan {

  private DeliveryPlan() {}

  static List<PlannedDelivery> of(NotificationSpec spec) {
    List<PlannedDelivery> planned = new ArrayList<>();
    for (Channel channel : spec.channels()) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < spec.recipients().size(); i++) {
        String address = addressOf(spec.recipients().get(i), channel);
        if (address != null && seen.add(address.toLowerCase())) {
          planned.add(new PlannedDelivery(NotificationIds.delivery(spec.id(), channel, seen.size() - 1), spec.id(),
              channel, address, i));
        }
      }
    }
    return planned;
  }

  static List<List<PlannedDelivery>> units(NotificationSpec spec, List<PlannedDelivery> planned) {
    if (!spec.fallback()) {
      return planned.stream().map(List::of).toList();
    }
    Map<Integer, List<PlannedDelivery>> byRecipient = new LinkedHashMap<>();
    for (PlannedDelivery delivery : planned) {
      byRecipient.computeIfAbsent(delivery.recipientIndex(), i -> new ArrayList<>()).add(delivery);
    }
    return List.copyOf(byRecipient.values());
  }

  /** The recipient's address on a channel, or null when it has none there. */
  static String addressOf(Recipient recipient, Channel channel) {
    return switch (channel) {
      case EMAIL -> recipient.email();
      case SMS, VOICE -> recipient.phone();
      case PUSH -> recipient.id() != null ? recipient.id() : recipient.pushToken();
      case IN_APP -> recipient.id();
    };
  }
}
