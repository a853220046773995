package dev.herald.api.template;

import dev.herald.activities.template.TemplateVersion;
import dev.herald.workflows.messages.Channel;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One version in a template's history: what it covers, when it was written and first published. */
public record VersionSummary(int version, boolean active, List<Channel> channels, List<String> locales,
    Instant createdAt, Instant publishedAt) {

  static VersionSummary of(TemplateVersion version, Integer activeVersion) {
    List<Channel> channels = Arrays.stream(Channel.values()).filter(version.content()::offers).toList();
    return new VersionSummary(version.version(), activeVersion != null && activeVersion == version.version(), channels,
        version.content().locales().keySet().stream().sorted().toList(), version.createdAt(), version.publishedAt());
  }
}
