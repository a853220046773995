package dev.herald.activities.preference;

import dev.herald.workflows.messages.Channel;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one member of a send chose, as loaded right before the send: its preference rules and the
 * suppressions of its address. Decides whether a send of a category on a channel may go out.
 *
 * <p>A suppressed address is never sent to, except that a critical category passes a sender's
 * suppression of every category (it does not pass one naming the category, nor a provider-level
 * block every sender shares, such as SMS STOP: the carrier refuses those messages anyway). Among the
 * rules, the most specific that covers the send decides ({@link Scope#rank}); for a critical category
 * only rules that name the category count.
 */
public record MemberChoices(List<PreferenceRule> rules, List<Suppression> suppressions) {

  public static final MemberChoices NONE = new MemberChoices(List.of(), List.of());

  public Optional<SkipReason> skipReason(String category, boolean critical, Channel channel) {
    for (Suppression suppression : suppressions) {
      if (suppression.channel() != channel
          || (suppression.category() != null && !suppression.category().equals(category))) {
        continue;
      }
      if (critical && suppression.category() == null && !suppression.everySender()) {
        continue;
      }
      String scope = suppression.category() == null ? "address" : "address,category=" + suppression.category();
      return Optional.of(new SkipReason(SkipReason.OPTED_OUT + scope, "the address is suppressed on " + channel + (suppression.category() == null ? "" : " for " + suppression.category())
          + " (" + suppression.source() + ")"));
    }
    return rules.stream()
        .filter(rule -> rule.scope().covers(category, channel))
        .filter(rule -> !critical || rule.scope().category() != null)
        .max(Comparator.comparingInt(rule -> rule.scope().rank()))
        .filter(PreferenceRule::optedOut)
        .map(rule -> new SkipReason(SkipReason.OPTED_OUT + rule.scope().label(),
            "the recipient opted out of " + rule.scope().described() + " (" + rule.source() + ")"));
  }
}
