package dev.herald.activities.template;

import dev.herald.workflows.messages.Channel;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders a template version (or the active one) for a channel and locale with the caller's
 * variables. Reads the store and nothing else: usable from the REST preview and from an activity.
 */
@Component
public class TemplateRenderer {

  private final Templates templates;

  public TemplateRenderer(Templates templates) {
    this.templates = templates;
  }

  /**
   * @param version null for the active version
   * @param channel null for every channel the version has
   * @throws TemplateNotFoundException no such template or version, or none published
   * @throws MissingTemplateVariableException a referenced variable is absent
   * @throws TemplateRenderException the version has no part for the channel
   */
  public RenderedTemplate render(String key, Integer version, Channel channel, String locale, Map<String, ?> variables) {
    return render(templates.resolve(key, version), channel, locale, variables);
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
          throw new TemplateRenderException("channel", "template '" + version.templateKey() + "' version "
              + version.version() + " has no " + channel + " part");
        }
        continue;
      }
      rendered = rendered.with(candidate, MustacheParts.render(candidate, resolved.get().part(), variables));
      String from = resolved.get().locale();
      locales.put(candidate, from == null ? RenderedTemplate.DEFAULT_LOCALE : from);
    }
    return new RenderedTemplate(version.templateKey(), version.version(), locale, rendered, locales);
  }
}
