package dev.herald.api.notification;

import dev.herald.activities.template.TemplateParts;
import dev.herald.activities.template.TemplateVersion;
import dev.herald.workflows.messages.Channel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A template version must say something on every channel a request asks for, to every recipient:
 * in the recipient's locale or by default. A group's members may have any locale, so a broadcast
 * needs a default part on each channel. Otherwise the request is refused naming {@code template}.
 */
final class TemplateCoverage {

  private TemplateCoverage() {}

  static void check(TemplateVersion version, SendNotificationRequest request) {
    Set<String> locales = new LinkedHashSet<>();
    if (request.isBroadcast() || request.recipients() == null) {
      locales.add(null);
    } else {
      request.recipients().forEach(r -> locales.add(r == null ? null : r.locale()));
    }
    List<String> missing = new ArrayList<>();
    for (Channel channel : request.channels()) {
      for (String locale : locales) {
        if (version.content().resolve(channel, locale).isEmpty()) {
          missing.add(TemplateParts.key(channel) + (locale == null ? "" : " (for locale " + locale + ")"));
          break;
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidRequestException("template", "version " + version.version() + " of '" + version.templateKey()
          + "' has no part " + String.join(", ", missing) + (request.isBroadcast() ? " by default" : "")
          + "; add one in a new version or leave the channel out");
    }
  }
}
