package dev.herald.api.unsubscribe;

import dev.herald.activities.preference.links.PreferenceLink;

/** What a link stops, in words: "marketing emails from billing to ada@example.com". */
final class LinkWords {

  private LinkWords() {}

  static String what(PreferenceLink link) {
    String kind = (link.category() == null ? "all " : link.category() + " ") + ChannelWords.of(link.channel());
    return kind + " from " + link.owner() + (link.forRecipientId() ? "" : " to " + link.address());
  }
}
