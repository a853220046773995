package dev.herald.api.console.template;

import dev.herald.activities.template.TemplatePart;
import dev.herald.activities.template.TemplateParts;
import dev.herald.workflows.messages.Channel;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the console shows each channel's template part: the channels and their fields come from the
 * model ({@link TemplateParts}, each part a record whose components are its fields); the words
 * (labels, hints) and which fields take several lines are the console's.
 */
final class PartLayout {

  /** A channel's part: {@code key} as in a version's JSON ({@code email}, {@code inApp}). */
  record ChannelForm(Channel channel, String key, String label, List<FieldForm> fields) {}

  /** One field; {@code entries} for a map (push data), typed as key=value lines. */
  record FieldForm(String name, String label, boolean multiline, boolean entries, String hint) {}

  private static final Map<Channel, String> CHANNELS = Map.of(Channel.EMAIL, "Email", Channel.SMS, "SMS",
      Channel.VOICE, "Voice call", Channel.PUSH, "Push", Channel.IN_APP, "In-app", Channel.SLACK, "Slack");
  private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("from", "From"),
      Map.entry("subject", "Subject"), Map.entry("html", "HTML"), Map.entry("text", "Text"), Map.entry("body", "Body"),
      Map.entry("script", "Script"), Map.entry("voice", "Voice"), Map.entry("language", "Language"),
      Map.entry("title", "Title"), Map.entry("icon", "Icon URL"), Map.entry("link", "Link"), Map.entry("data", "Data"));
  private static final Set<String> MULTILINE = Set.of("html", "text", "body", "script");
  private static final Map<String, String> HINTS = Map.ofEntries(
      Map.entry("email.from", "Optional: replaces the configured sender address; a locale without one inherits it."),
      Map.entry("email.html", "Variables are HTML-escaped here; {{{name}}} inserts a value as it is."),
      Map.entry("email.text", "Plain text; required when there is no HTML."),
      Map.entry("sms.from", "Optional: a number (E.164) or an alphanumeric sender id."),
      Map.entry("voice.from", "Optional: the calling number (E.164)."),
      Map.entry("voice.voice", "Optional: the text-to-speech voice, e.g. Polly.Seoyeon."),
      Map.entry("voice.language", "Optional: the script's language, e.g. ko-KR."),
      Map.entry("push.data", "Optional: one key=value a line, for the app."),
      Map.entry("slack.text", "Slack mrkdwn: *bold*, _italic_, <https://example.com|a link>."));

  static final List<ChannelForm> CHANNEL_FORMS = Arrays.stream(Channel.values())
      .filter(channel -> TemplateParts.type(channel) != null).map(PartLayout::channel).toList();

  private PartLayout() {}

  private static ChannelForm channel(Channel channel) {
    String key = TemplateParts.key(channel);
    Class<? extends TemplatePart> type = TemplateParts.type(channel);
    List<FieldForm> fields = Arrays.stream(type.getRecordComponents()).map(component -> field(key, component)).toList();
    return new ChannelForm(channel, key, CHANNELS.getOrDefault(channel, channel.name()), fields);
  }

  private static FieldForm field(String key, RecordComponent component) {
    String name = component.getName();
    boolean entries = Map.class.isAssignableFrom(component.getType());
    String label = LABELS.getOrDefault(name, Character.toUpperCase(name.charAt(0)) + name.substring(1));
    return new FieldForm(name, label, entries || MULTILINE.contains(name), entries, HINTS.get(key + "." + name));
  }
}
