package dev.herald.activities.template;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.herald.workflows.messages.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a template says on each channel, at most one {@link TemplatePart} per channel. The same shape
 * holds a version's source (Mustache) and a rendering's result. In JSON an object keyed by
 * {@link TemplateParts} ({@code {"email": {...}, "sms": {...}}}), a channel without a part left out.
 */
@JsonSerialize(using = ChannelPartsJson.Writer.class)
@JsonDeserialize(using = ChannelPartsJson.Reader.class)
public record ChannelParts(Map<Channel, TemplatePart> byChannel) {

  public static final ChannelParts NONE = new ChannelParts(Map.of());

  /** @throws IllegalArgumentException a part not of its channel's type */
  public ChannelParts {
    Map<Channel, TemplatePart> parts = new EnumMap<>(Channel.class);
    byChannel.forEach((channel, part) -> {
      if (part != null && TemplateParts.channelOf(part) != channel) {
        throw new IllegalArgumentException(part.getClass().getSimpleName() + " is no " + channel + " part");
      }
      if (part != null) {
        parts.put(channel, part);
      }
    });
    byChannel = Collections.unmodifiableMap(parts);
  }

  /** The parts, each on its type's channel. @throws IllegalArgumentException two of one channel */
  public static ChannelParts of(TemplatePart... parts) {
    Map<Channel, TemplatePart> byChannel = new EnumMap<>(Channel.class);
    for (TemplatePart part : parts) {
      if (byChannel.put(TemplateParts.channelOf(part), part) != null) {
        throw new IllegalArgumentException("two parts for " + TemplateParts.channelOf(part));
      }
    }
    return new ChannelParts(byChannel);
  }

  public boolean has(Channel channel) {
    return byChannel.containsKey(channel);
  }

  /** The channel's part, or null. */
  public TemplatePart part(Channel channel) {
    return byChannel.get(channel);
  }

  /** The part of that type, or null. */
  public <P extends TemplatePart> P part(Class<P> type) {
    return byChannel.values().stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
  }

  /** These parts with the part of {@code part}'s channel replaced by it. */
  public ChannelParts with(TemplatePart part) {
    Map<Channel, TemplatePart> parts = new EnumMap<>(Channel.class);
    parts.putAll(byChannel);
    parts.put(TemplateParts.channelOf(part), part);
    return new ChannelParts(parts);
  }

  /** Each part with its key, in {@link TemplateParts} order. */
  public void forEach(BiConsumer<String, TemplatePart> action) {
    for (TemplateParts.PartType type : TemplateParts.all()) {
      TemplatePart part = byChannel.get(type.channel());
      if (part != null) {
        action.accept(type.key(), part);
      }
    }
  }
}
