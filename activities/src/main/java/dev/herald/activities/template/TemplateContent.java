package dev.herald.activities.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.herald.workflows.messages.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A version's content: the default parts and optional variants per locale tag (e.g. {@code ko},
 * {@code ko-KR}). A channel resolves per channel, most specific first: {@code ko-KR}, then {@code ko},
 * then the default; a variant need only hold the channels it changes, and within a channel it need not
 * repeat what is not text (see {@link TemplatePart#inherit}). {@code settings} hold the rest
 * (the category).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TemplateContent(ChannelParts defaults, Map<String, ChannelParts> locales,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = TemplateSettings.LeftOut.class)
    TemplateSettings settings) {

  /** Which locale's part a channel came from; {@code locale} is null for the default. */
  public record Resolved(TemplatePart part, String locale) {}

  public TemplateContent {
    defaults = defaults == null ? ChannelParts.NONE : defaults;
    locales = locales == null ? Map.of() : Map.copyOf(locales);
    settings = settings == null ? TemplateSettings.NONE : settings;
  }

  public TemplateContent(ChannelParts defaults, Map<String, ChannelParts> locales) {
    this(defaults, locales, TemplateSettings.NONE);
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
    TemplatePart part = chain.get(0).part(channel);
    for (ChannelParts fallback : chain.subList(1, chain.size())) {
      part = part.inherit(fallback.part(channel));
    }
    return Optional.of(new Resolved(part, from));
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
