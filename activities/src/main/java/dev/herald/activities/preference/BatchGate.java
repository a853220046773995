package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One batch's gate: which of a group of members must not be sent now, and why. Opt-outs, suppressions
 * and quiet hours are read for the group at once. A member they let through takes a place under the
 * frequency cap, when its category and channel have one; a member in its quiet hours is held back
 * (unless the send is critical, or passes them: {@code quietHoursApply} false) and takes no place.
 */
public final class BatchGate {

  /**
   * A member about to be sent: its delivery, its recipient id (null for a bare address), address and
   * the stored recipient's time zone (null when none).
   */
  public record Member(String deliveryId, String recipientId, String address, String timeZone) {}

  private final String owner;
  private final Channel channel;
  private final String category;
  private final boolean critical;
  private final boolean quietHoursApply;
  private final Instant at;
  private final FrequencyCap cap;
  private final SendChoices choices;
  private final FrequencyCounter counter;

  BatchGate(String owner, Channel channel, String category, boolean critical, boolean quietHoursApply, Instant at,
      FrequencyCap cap, SendChoices choices, FrequencyCounter counter) {
    this.owner = owner;
    this.channel = channel;
    this.category = category;
    this.critical = critical;
    this.quietHoursApply = quietHoursApply && !critical;
    this.at = at;
    this.cap = cap;
    this.choices = choices;
    this.counter = counter;
  }

  /** The members not to send now, by delivery id, with the verdict on each. */
  public Map<String, Verdict> check(List<Member> members) {
    Map<String, Verdict> verdicts = new HashMap<>();
    if (members.isEmpty()) {
      return verdicts;
    }
    SendChoices.Loaded loaded = choices.load(owner, channel, category,
        members.stream().map(Member::recipientId).toList(), members.stream().map(Member::address).toList());
    Instant now = at == null || at.isBefore(Instant.now()) ? Instant.now() : at;
    for (Member member : members) {
      Optional<SkipReason> reason = loaded.of(member.recipientId(), member.address())
          .skipReason(category, critical, channel);
      if (reason.isPresent()) {
        verdicts.put(member.deliveryId(), Verdict.skipped(reason.get()));
        continue;
      }
      Optional<Instant> quiet = quietHoursApply ? quietUntil(loaded.quietHoursOf(member.recipientId()), member, now)
          : Optional.empty();
      if (quiet.isPresent()) {
        verdicts.put(member.deliveryId(), Verdict.held(quiet.get()));
      } else if (cap != null && !counter.reserve(cap, owner, recipientKey(member), member.deliveryId())) {
        verdicts.put(member.deliveryId(), Verdict.skipped(new SkipReason(SkipReason.FREQUENCY_CAPPED,
            "the recipient had " + cap.max() + " " + category + " messages on " + channel + " within "
                + cap.window().toString().substring(2).toLowerCase(Locale.ROOT) + " already")));
      }
    }
    return verdicts;
  }

  /** A member's send failed: its place under the cap is given back. */
  public void failed(String deliveryId) {
    if (cap != null) {
      counter.release(deliveryId);
    }
  }

  /** The end of the member's quiet window at {@code now}, in its own zone (the setting's, the recipient's, else UTC). */
  private static Optional<Instant> quietUntil(QuietHoursSetting setting, Member member, Instant now) {
    if (setting == null) {
      return Optional.empty();
    }
    return new QuietHours(setting.start(), setting.end(), zone(setting.timeZone(), member.timeZone()))
        .endOfWindowAt(now);
  }

  private static ZoneId zone(String own, String recipients) {
    for (String id : new String[] {own, recipients}) {
      if (id != null && !id.isBlank()) {
        try {
          return ZoneId.of(id);
        } catch (DateTimeException unknown) {
          // a zone stored before it was checked, or withdrawn from the tz database: the next one
        }
      }
    }
    return ZoneOffset.UTC;
  }

  private String recipientKey(Member member) {
    return member.recipientId() != null ? member.recipientId() : Addresses.key(channel, member.address());
  }
}
