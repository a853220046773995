package dev.herald.activities.template;

import dev.herald.workflows.messages.Channel;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every channel's template part: its key in a template's JSON (stored versions, the REST API) and its
 * type. The one place that lists them; a channel without a part has no templates.
 */
public final class TemplateParts {

  record PartType(Channel channel, String key, Class<? extends TemplatePart> type) {}

  private static final List<PartType> ALL = List.of(
      new PartType(Channel.EMAIL, "email", EmailPart.class),
      new PartType(Channel.SMS, "sms", SmsPart.class),
      new PartType(Channel.VOICE, "voice", VoicePart.class),
      new PartType(Channel.PUSH, "push", PushPart.class),
      new PartType(Channel.IN_APP, "inApp", InAppPart.class),
      new PartType(Channel.SLACK, "slack", SlackPart.class));

  private static final Map<Channel, PartType> BY_CHANNEL = new EnumMap<>(Channel.class);
  private static final Map<String, PartType> BY_KEY = new HashMap<>();
  private static final Map<Class<?>, PartType> BY_TYPE = new HashMap<>();

  static {
    for (PartType part : ALL) {
      BY_CHANNEL.put(part.channel(), part);
      BY_KEY.put(part.key(), part);
      BY_TYPE.put(part.type(), part);
    }
  }

  private TemplateParts() {}

  /** The keys in JSON order: email, sms, ... */
  public static List<String> keys() {
    return ALL.stream().map(PartType::key).toList();
  }

  /** The channel's key, or null when it has no part type. */
  public static String key(Channel channel) {
    PartType part = BY_CHANNEL.get(channel);
    return part == null ? null : part.key();
  }

  /** The channel's part type (a record: its components are the part's fields), or null when it has none. */
  public static Class<? extends TemplatePart> type(Channel channel) {
    PartType part = BY_CHANNEL.get(channel);
    return part == null ? null : part.type();
  }

  static List<PartType> all() {
    return ALL;
  }

  /** The part type a JSON key names, or null. */
  static PartType ofKey(String key) {
    return BY_KEY.get(key);
  }

  /** The channel a part is for. @throws IllegalArgumentException for a type not listed here */
  static Channel channelOf(TemplatePart part) {
    PartType type = BY_TYPE.get(part.getClass());
    if (type == null) {
      throw new IllegalArgumentException(part.getClass().getSimpleName() + " is not a listed template part");
    }
    return type.channel();
  }
}
