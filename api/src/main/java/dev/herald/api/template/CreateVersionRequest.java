package dev.herald.api.template;

import dev.herald.activities.template.ChannelParts;
import dev.herald.activities.template.TemplateContent;
import dev.herald.activities.template.TemplateSettings;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/templates/{key}/versions}: the default parts per channel and
 * optional variants per locale tag ({@code ko}, {@code ko-KR}), each holding only the channels it changes;
 * {@code settings} the version's category.
 */
public record CreateVersionRequest(ChannelParts defaults, Map<String, ChannelParts> locales, TemplateSettings settings) {

  TemplateContent content() {
    return new TemplateContent(defaults, locales, settings);
  }
}
