package dev.herald.api.template;

import dev.herald.activities.template.ChannelParts;
import dev.herald.activities.template.TemplateSettings;
import dev.herald.activities.template.TemplateVersion;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** One version in full: its Mustache sources per channel, default and per locale, and its settings. */
public record VersionView(String key, int version, boolean active, ChannelParts defaults,
    Map<String, ChannelParts> locales, TemplateSettings settings, Instant createdAt, Instant publishedAt) {

  static VersionView of(TemplateVersion version, Integer activeVersion) {
    return new VersionView(version.templateKey(), version.version(),
        activeVersion != null && activeVersion == version.version(), version.content().defaults(),
        new TreeMap<>(version.content().locales()), version.content().settings(), version.createdAt(), version.publishedAt());
  }
}
