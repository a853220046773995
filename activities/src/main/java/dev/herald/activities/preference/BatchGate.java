package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One batch's gate: which of a group of members must not be sent now, and why. Opt-outs and
 * suppressions are read for the group at once; a member they let through takes a place under the
 * frequency cap, when its category and channel have one.
 */
public final class BatchGate {

  /** A member about to be sent: its delivery, its recipient id (null for a bare address) and address. */
  public record Member(String deliveryId, String recipientId, String address) {}

  private final String owner;
  private final Channel channel;
  private final String category;
  private final boolean critical;
  private final FrequencyCap cap;
  private final SendChoices choices;
  private final FrequencyCounter counter;

  BatchGate(String owner, Channel channel, String category, boolean critical, FrequencyCap cap, SendChoices choices,
      FrequencyCounter counter) {
    this.owner = owner;
    this.channel = channel;
    this.category = category;
    this.critical = critical;
    this.cap = cap;
    this.choices = choices;
    this.counter = counter;
  }

  /** The members not to send, by delivery id, with the reason each is skipped. */
  public Map<String, SkipReason> check(List<Member> members) {
    Map<String, SkipReason> skipped = new HashMap<>();
    if (members.isEmpty()) {
      return skipped;
    }
    SendChoices.Loaded loaded = choices.load(owner, channel, category,
        members.stream().map(Member::recipientId).toList(), members.stream().map(Member::address).toList());
    for (Member member : members) {
      Optional<SkipReason> reason = loaded.of(member.recipientId(), member.address())
          .skipReason(category, critical, channel);
      if (reason.isEmpty() && cap != null && !counter.reserve(cap, owner, recipientKey(member), member.deliveryId())) {
        reason = Optional.of(new SkipReason(SkipReason.FREQUENCY_CAPPED, "the recipient had " + cap.max() + " "
            + category + " messages on " + channel + " within "
            + cap.window().toString().substring(2).toLowerCase(java.util.Locale.ROOT) + " already"));
      }
      reason.ifPresent(r -> skipped.put(member.deliveryId(), r));
    }
    return skipped;
  }

  /** A member's send failed: its place under the cap is given back. */
  public void failed(String deliveryId) {
    if (cap != null) {
      counter.release(deliveryId);
    }
  }

  private String recipientKey(Member member) {
    return member.recipientId() != null ? member.recipientId() : Addresses.key(channel, member.address());
  }
}
