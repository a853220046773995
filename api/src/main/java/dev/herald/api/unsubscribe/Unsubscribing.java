package dev.herald.api.unsubscribe;

import dev.herald.activities.preference.Categories;
import dev.herald.activities.preference.Category;
import dev.herald.activities.preference.MemberChoices;
import dev.herald.activities.preference.PreferenceRule;
import dev.herald.activities.preference.PreferenceStore;
import dev.herald.activities.preference.Scope;
import dev.herald.activities.preference.Suppressions;
import dev.herald.activities.preference.links.PreferenceLink;
import dev.herald.workflows.messages.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a preference link does: one click opts its recipient out of its category (or everything) on its
 * channel, a rule of the recipient id's or, for a bare address, a suppression of the address; the page
 * of a recipient-id link shows and saves the recipient's choices per category on its channel and email.
 */
@Component
class Unsubscribing {

  static final String ONE_CLICK = "one-click";
  static final String PAGE = "unsubscribe-page";
  private static final String EVERYTHING = "*";

  private final PreferenceStore preferences;
  private final Suppressions suppressions;
  private final Categories categories;

  Unsubscribing(PreferenceStore preferences, Suppressions suppressions, Categories categories) {
    this.preferences = preferences;
    this.suppressions = suppressions;
    this.categories = categories;
  }

  /** Idempotent: a second click finds the rule or suppression there and changes nothing. */
  void oneClick(PreferenceLink link) {
    if (link.forRecipientId()) {
      preferences.set(link.owner(), link.recipientId(), new Scope(link.category(), link.channel()), true, ONE_CLICK);
    } else {
      suppressions.add(link.channel(), link.address(), link.owner(), link.category(), ONE_CLICK);
    }
  }

  /** Whether the link's own scope is stopped now (for a bare address: suppressed by this link or an earlier one). */
  boolean stopped(PreferenceLink link) {
    if (!link.forRecipientId()) {
      return suppressions.list(link.owner(), Optional.of(link.channel()), Optional.of(link.address()), 100).stream()
          .anyMatch(s -> s.category() == null || s.category().equals(link.category()));
    }
    return stopped(preferences.rules(link.owner(), link.recipientId()), link.category(), link.channel());
  }

  /** The page's options for a recipient-id link. */
  LinkChoices choices(PreferenceLink link) {
    List<PreferenceRule> rules = preferences.rules(link.owner(), link.recipientId());
    List<LinkChoices.ChannelChoices> channels = new ArrayList<>();
    for (Channel channel : channelsOf(link)) {
      List<LinkChoices.Option> options = new ArrayList<>();
      options.add(new LinkChoices.Option(value(null, channel), "everything", "all " + ChannelWords.of(channel),
          stopped(rules, null, channel)));
      categoriesOf(link).forEach((name, description) -> options.add(new LinkChoices.Option(value(name, channel), name,
          description, stopped(rules, name, channel))));
      channels.add(new LinkChoices.ChannelChoices(channel, ChannelWords.heading(channel), options));
    }
    return new LinkChoices(channels);
  }

  /**
   * Saves the page's form for a recipient-id link: of the options it showed ({@code shown}), those checked
   * ({@code stopped}) are opted out and the others in, written only where that changes what is stopped now.
   * Values not among the link's options are ignored.
   */
  void save(PreferenceLink link, Set<String> shown, Set<String> stopped) {
    List<PreferenceRule> rules = preferences.rules(link.owner(), link.recipientId());
    List<LinkChoices.Option> changes = choices(link).channels().stream().flatMap(c -> c.options().stream())
        .filter(option -> shown.contains(option.value()) && stopped.contains(option.value()) != option.stopped())
        .toList();
    for (LinkChoices.Option change : changes) {
      String[] parts = change.value().split(":");
      Scope scope = new Scope(EVERYTHING.equals(parts[0]) ? null : parts[0], Channel.valueOf(parts[1]));
      preferences.set(link.owner(), link.recipientId(), scope, !change.stopped(), PAGE);
    }
  }

  private static boolean stopped(List<PreferenceRule> rules, String category, Channel channel) {
    return new MemberChoices(rules, List.of()).skipReason(category, false, channel).isPresent();
  }

  private static List<Channel> channelsOf(PreferenceLink link) {
    return link.channel() == Channel.EMAIL ? List.of(Channel.EMAIL) : List.of(link.channel(), Channel.EMAIL);
  }

  /** The categories admins described, and the link's own, by name. */
  private Map<String, String> categoriesOf(PreferenceLink link) {
    Map<String, String> named = new LinkedHashMap<>();
    if (link.category() != null) {
      named.put(link.category(), categories.find(link.category()).map(Category::description).orElse(null));
    }
    categories.list().forEach(category -> named.putIfAbsent(category.name(), category.description()));
    return named;
  }

  private static String value(String category, Channel channel) {
    return (category == null ? EVERYTHING : category) + ":" + channel.name();
  }
}
