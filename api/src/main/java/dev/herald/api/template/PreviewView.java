package dev.herald.api.template;

import dev.herald.activities.template.ChannelParts;
import dev.herald.activities.template.RenderedTemplate;
import dev.herald.workflows.messages.Channel;
import java.util.Map;

/** A rendering nothing was sent for: the content per channel and the locale each came from ({@code default}). */
public record PreviewView(String key, int version, String locale, ChannelParts content, Map<Channel, String> locales) {

  static PreviewView of(RenderedTemplate rendered) {
    return new PreviewView(rendered.templateKey(), rendered.version(), rendered.locale(), rendered.content(),
        rendered.locales());
  }
}
