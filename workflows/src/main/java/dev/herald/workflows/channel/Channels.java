package dev.herald.workflows.channel;

import static dev.herald.workflows.channel.SendPolicies.provider;

import dev.herald.workflows.messages.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The channel registry of the durable core: one {@link ChannelDescriptor} per {@link Channel}. The
 * only place that tells channels apart; everything else asks it. Adding a channel: docs/channels.md.
 */
public final class Channels {

  private static final List<ChannelDescriptor> DESCRIPTORS = List.of(
      // email, SMS, push, Slack: retried from 1 s, doubling, at most 2 min apart, for up to 1 h (40 attempts): a provider
      // outage of an hour loses nothing; a transient failure sent nothing, so retrying is no spam.
      new ChannelDescriptor(Channel.EMAIL, "email",
          provider("email", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(2), 40, Duration.ofHours(1)),
          AddressKind.EMAIL, false, RepeatHarm.RECOGNISED),
      new ChannelDescriptor(Channel.SMS, "sms",
          provider("sms", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(2), 40, Duration.ofHours(1)),
          AddressKind.PHONE, true, RepeatHarm.REACHES_A_PERSON),
      // a call rings a person: at most 3 attempts within 30 min, 1 min apart at first
      new ChannelDescriptor(Channel.VOICE, "voice",
          provider("voice", Duration.ofSeconds(60), Duration.ofMinutes(1), Duration.ofMinutes(10), 3,
              Duration.ofMinutes(30)),
          AddressKind.PHONE, true, RepeatHarm.REACHES_A_PERSON),
      new ChannelDescriptor(Channel.PUSH, "push",
          provider("push", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(2), 40, Duration.ofHours(1)),
          AddressKind.DEVICES, false, RepeatHarm.REACHES_A_PERSON),
      // chat.postMessage has no idempotency key: a repeat is a second message in the conversation
      new ChannelDescriptor(Channel.SLACK, "slack",
          provider("slack", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(2), 40, Duration.ofHours(1)),
          AddressKind.SLACK, false, RepeatHarm.REACHES_A_PERSON),
      // our own database, like the delivery log: retried until it answers
      new ChannelDescriptor(Channel.IN_APP, "in-app", SendPolicies.ownDatabase("in-app"),
          AddressKind.RECIPIENT_ID, false, RepeatHarm.RECOGNISED));

  private static final Map<Channel, ChannelDescriptor> BY_CHANNEL = index();

  private Channels() {}

  public static ChannelDescriptor of(Channel channel) {
    return BY_CHANNEL.get(channel);
  }

  public static List<ChannelDescriptor> all() {
    return DESCRIPTORS;
  }

  private static Map<Channel, ChannelDescriptor> index() {
    Map<Channel, ChannelDescriptor> byChannel = new EnumMap<>(Channel.class);
    for (ChannelDescriptor descriptor : DESCRIPTORS) {
      if (byChannel.put(descriptor.channel(), descriptor) != null) {
        throw new IllegalStateException("two descriptors for " + descriptor.channel());
      }
    }
    for (Channel channel : Channel.values()) {
      if (!byChannel.containsKey(channel)) {
        throw new IllegalStateException("no descriptor for channel " + channel);
      }
    }
    return byChannel;
  }
}
