package dev.herald.activities.template;

import dev.herald.activities.channel.ProviderSendException;
import dev.herald.activities.channel.RenderedMessage;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.TemplateRef;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders a template version for a channel and locale with the caller's variables: the channel
 * activities' renderer (the API previews through {@link Templates#preview}). Numbered versions never
 * change, so they are read once and kept in a bounded cache.
 */
@Component
public class TemplateRenderer {

  static final int CACHED_VERSIONS = 256;

  private record VersionKey(String templateKey, int version) {}

  private final Templates templates;
  private final LruCache<VersionKey, TemplateVersion> versions = new LruCache<>(CACHED_VERSIONS);

  public TemplateRenderer(Templates templates) {
    this.templates = templates;
  }

  /** A numbered version, from the cache after its first read. @throws TemplateNotFoundException */
  public TemplateVersion version(String key, int version) {
    return versions.get(new VersionKey(key, version), k -> templates.resolve(key, version));
  }

  /**
   * The fields a channel's message is built from. A template error is permanent: a non-retryable
   * {@code TEMPLATE_ERROR} with code {@code template-missing-variable} or {@code template-invalid}.
   */
  public RenderedMessage message(TemplateRef template, Channel channel, String locale) throws ProviderSendException {
    TemplateVersion version;
    try {
      version = version(template.key(), template.version());
    } catch (TemplateNotFoundException e) {
      throw templateError("template-invalid", e);
    }
    return message(version, channel, locale, template.variables());
  }

  /** As {@link #message(TemplateRef, Channel, String)} for a loaded version and the caller's variables: no I/O. */
  public static RenderedMessage message(TemplateVersion version, Channel channel, String locale,
      Map<String, ?> variables) throws ProviderSendException {
    try {
      TemplatePart part = version.content().resolve(channel, locale).orElseThrow(() -> noPart(version, channel)).part();
      return MustacheParts.render(channel, part, variables).message();
    } catch (MissingTemplateVariableException e) {
      throw templateError("template-missing-variable", e);
    } catch (TemplateRenderException e) {
      throw templateError("template-invalid", e);
    }
  }

  /** Renders a loaded version: pure, no I/O. */
  public static RenderedTemplate render(TemplateVersion version, Channel channel, String locale,
      Map<String, ?> variables) {
    TemplateContent content = version.content();
    ChannelParts rendered = ChannelParts.NONE;
    Map<Channel, String> locales = new EnumMap<>(Channel.class);
    for (Channel candidate : channel == null ? Channel.values() : new Channel[] {channel}) {
      var resolved = content.resolve(candidate, locale);
      if (resolved.isEmpty()) {
        if (channel != null) {
          throw noPart(version, channel);
        }
        continue;
      }
      rendered = rendered.with(MustacheParts.render(candidate, resolved.get().part(), variables));
      String from = resolved.get().locale();
      locales.put(candidate, from == null ? RenderedTemplate.DEFAULT_LOCALE : from);
    }
    return new RenderedTemplate(version.templateKey(), version.version(), locale, rendered, locales);
  }

  private static TemplateRenderException noPart(TemplateVersion version, Channel channel) {
    return new TemplateRenderException("channel", "template '" + version.templateKey() + "' version "
        + version.version() + " has no " + channel + " part");
  }

  private static ProviderSendException templateError(String code, RuntimeException cause) {
    return new ProviderSendException(DeliveryErrorType.TEMPLATE_ERROR, code, cause.getMessage(), cause);
  }
}
