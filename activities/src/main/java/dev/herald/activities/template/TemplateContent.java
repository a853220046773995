package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.workflows.messages.Channel;
import dev.herald.activities.template.ChannelParts.Email;
import dev.herald.activities.template.ChannelParts.InApp;
import dev.herald.activities.template.ChannelParts.Push;
import dev.herald.activities.template.ChannelParts.Sms;
import dev.herald.activities.template.ChannelParts.Voice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A version's content: the default parts and optional variants per locale tag (e.g. {@code ko},
 * {@code ko-KR}). A channel resolves per channel, most specific first: {@code ko-KR}, then {@code ko},
 * then the default; a variant need only hold the channels it changes, and within a channel it need not
 * repeat what is not text (see {@link #inherit}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TemplateContent(ChannelParts defaults, Map<String, ChannelParts> locales) {

  /** Which locale's part a channel came from; {@code locale} is null for the default. */
  public record Resolved(Object part, String locale) {}

  public TemplateContent {
    defaults = defaults == null ? ChannelParts.NONE : defaults;
    locales = locales == null ? Map.of() : Map.copyOf(locales);
  }

  public Optional<Resolved> resolve(Channel channel, String locale) {
    List<ChannelParts> chain = new ArrayList<>();
    String from = null;
    for (String candidate : candidates(locale)) {
      ChannelParts variant = variant(candidate);
      if (variant != null && variant.has(channel)) {
        chain.add(variant);
        from = from == null ? candidate : from;
      }
    }
    if (defaults.has(channel)) {
      chain.add(defaults);
    }
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    Object part = chain.get(0).part(channel);
    for (ChannelParts fallback : chain.subList(1, chain.size())) {
      part = inherit(part, fallback.part(channel));
    }
    return Optional.of(new Resolved(part, from));
  }

  /**
   * A variant's part replaces the text of the less specific one wholesale (subject, html, text, body,
   * script, title, voice, language: no mixing languages); what is not text it inherits when it leaves it
   * out: the sender (from), push icon, link and data, in-app link.
   */
  static Object inherit(Object part, Object fallback) {
    if (part instanceof Email e && fallback instanceof Email f) {
      return new Email(or(e.from(), f.from()), e.subject(), e.html(), e.text());
    }
    if (part instanceof Sms s && fallback instanceof Sms f) {
      return new Sms(or(s.from(), f.from()), s.body());
    }
    if (part instanceof Voice v && fallback instanceof Voice f) {
      return new Voice(or(v.from(), f.from()), v.script(), v.voice(), v.language());
    }
    if (part instanceof Push p && fallback instanceof Push f) {
      return new Push(p.title(), p.body(), or(p.icon(), f.icon()), or(p.link(), f.link()),
          p.data() == null ? f.data() : p.data());
    }
    if (part instanceof InApp i && fallback instanceof InApp f) {
      return new InApp(i.title(), i.body(), or(i.link(), f.link()));
    }
    return part;
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
  }

  /** True when the default or some locale has a part for the channel. */
  public boolean offers(Channel channel) {
    return defaults.has(channel) || locales.values().stream().anyMatch(parts -> parts != null && parts.has(channel));
  }

  /** {@code ko-KR} -> [ko-KR, ko]; {@code zh-Hant-TW} -> [zh-Hant-TW, zh-Hant, zh]. */
  static List<String> candidates(String locale) {
    if (locale == null || locale.isBlank()) {
      return List.of();
    }
    String tag = locale.trim().replace('_', '-');
    List<String> candidates = new ArrayList<>();
    while (!tag.isEmpty()) {
      candidates.add(tag);
      int dash = tag.lastIndexOf('-');
      tag = dash < 0 ? "" : tag.substring(0, dash);
    }
    return candidates;
  }

  /** Locale tags compare case-insensitively (ko-KR, ko-kr). */
  private ChannelParts variant(String tag) {
    ChannelParts exact = locales.get(tag);
    if (exact != null) {
      return exact;
    }
    return locales.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(tag.toLowerCase(Locale.ROOT)))
        .map(Map.Entry::getValue).findFirst().orElse(null);
  }
}
