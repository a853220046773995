package dev.herald.workflows.notification;

import dev.herald.workflows.channel.AddressKind;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.PlannedDelivery;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which messages a notification sends: one per recipient address and channel, duplicate addresses
 * dropped (as the channel's {@link AddressKind} compares them). Grouped in units: with {@code ALL} each delivery is its own unit; with {@code FALLBACK} a
 * unit is one recipient's deliveries in channel order, tried until one gets through.
 */
final class DeliveryPlan {

  private DeliveryPlan() {}

  static List<PlannedDelivery> of(NotificationSpec spec) {
    List<PlannedDelivery> planned = new ArrayList<>();
    for (Channel channel : spec.channels()) {
      AddressKind kind = Channels.of(channel).address();
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < spec.recipients().size(); i++) {
        String address = kind.of(spec.recipients().get(i));
        if (address != null && seen.add(kind.dedupeKey(address))) {
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
}
