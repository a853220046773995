package dev.herald.workflows.audience;

import dev.herald.workflows.channel.AddressKind;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Recipient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one set of rules that turns an audience into deliveries, for a request's recipient list and a
 * group's members alike: members are numbered in order; on each channel a member gets one delivery
 * to its address of the channel's {@link AddressKind}; an address already planned on that channel
 * (as the kind compares addresses) is not planned again; the delivery id is the notification's, the
 * channel's and the member's number ({@link #deliveryId}). Feed it members in order, once each.
 */
public final class AudienceRules {

  private final String notificationId;
  private final List<Channel> channels;
  private final Map<Channel, Set<String>> planned = new EnumMap<>(Channel.class);

  public AudienceRules(String notificationId, List<Channel> channels) {
    this.notificationId = notificationId;
    this.channels = List.copyOf(channels);
    channels.forEach(channel -> planned.put(channel, new HashSet<>()));
  }

  /** Every delivery of a list, its recipients numbered by their place in it. */
  public static List<PlannedDelivery> ofList(String notificationId, List<Channel> channels, List<Recipient> recipients) {
    AudienceRules rules = new AudienceRules(notificationId, channels);
    List<PlannedDelivery> deliveries = new ArrayList<>();
    for (int seq = 0; seq < recipients.size(); seq++) {
      deliveries.addAll(rules.plan(seq, recipients.get(seq)));
    }
    return deliveries;
  }

  /** The deliveries of member number {@code seq}, in the notification's channel order. */
  public List<PlannedDelivery> plan(int seq, Recipient member) {
    List<PlannedDelivery> deliveries = new ArrayList<>(channels.size());
    for (Channel channel : channels) {
      AddressKind kind = Channels.of(channel).address();
      String address = kind.of(member);
      if (address != null && planned.get(channel).add(kind.dedupeKey(address))) {
        deliveries.add(new PlannedDelivery(deliveryId(notificationId, channel, seq), channel, address, seq, member));
      }
    }
    return deliveries;
  }

  /** The delivery of member number {@code seq} on {@code channel}: stable across retries and repeats. */
  public static String deliveryId(String notificationId, Channel channel, int seq) {
    return notificationId + "/" + channel.name().toLowerCase() + "/" + seq;
  }

  /** The notification a delivery id belongs to. */
  public static String notificationIdOf(String deliveryId) {
    int slash = deliveryId.indexOf('/');
    return slash <= 0 ? null : deliveryId.substring(0, slash);
  }
}
