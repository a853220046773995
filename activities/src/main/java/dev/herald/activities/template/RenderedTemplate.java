package dev.herald.activities.template;

import dev.herald.workflows.messages.Channel;
import java.util.Map;

/**
 * A template version rendered for a locale: the content of each channel asked for, and the locale
 * each came from ({@code default} when no variant matched).
 */
public record RenderedTemplate(String templateKey, int version, String locale, ChannelParts content,
    Map<Channel, String> locales) {

  public static final String DEFAULT_LOCALE = "default";
}
