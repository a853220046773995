package dev.herald.activities.template;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.herald.workflows.messages.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@link ChannelParts} as a JSON object keyed by {@link TemplateParts}, each part as its record. An
 * unknown key fails as an unknown property would (named in the path, e.g. {@code defaults.fax}) where
 * the mapper refuses those.
 */
final class ChannelPartsJson {

  private ChannelPartsJson() {}

  static final class Writer extends StdSerializer<ChannelParts> {

    Writer() {
      super(ChannelParts.class);
    }

    @Override
    public void serialize(ChannelParts parts, JsonGenerator json, SerializerProvider provider) throws IOException {
      json.writeStartObject(parts);
      for (TemplateParts.PartType type : TemplateParts.all()) {
        TemplatePart part = parts.part(type.channel());
        if (part != null) {
          json.writeFieldName(type.key());
          provider.defaultSerializeValue(part, json);
        }
      }
      json.writeEndObject();
    }
  }

  static final class Reader extends StdDeserializer<ChannelParts> {

    Reader() {
      super(ChannelParts.class);
    }

    @Override
    public ChannelParts deserialize(JsonParser json, DeserializationContext context) throws IOException {
      JsonToken token = json.currentToken();
      if (token == JsonToken.START_OBJECT) {
        token = json.nextToken();
      } else if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
        return (ChannelParts) context.handleUnexpectedToken(ChannelParts.class, json);
      }
      Map<Channel, TemplatePart> parts = new EnumMap<>(Channel.class);
      for (; token == JsonToken.FIELD_NAME; token = json.nextToken()) {
        String key = json.currentName();
        TemplateParts.PartType type = TemplateParts.ofKey(key);
        if (type == null) {
          json.nextToken();
          context.handleUnknownProperty(json, this, ChannelParts.class, key);
          continue;
        }
        if (json.nextToken() != JsonToken.VALUE_NULL) {
          parts.put(type.channel(), read(json, context, type, key));
        }
      }
      return new ChannelParts(parts);
    }

    private static TemplatePart read(JsonParser json, DeserializationContext context, TemplateParts.PartType type,
        String key) throws IOException {
      try {
        return context.readValue(json, type.type());
      } catch (JsonProcessingException e) {
        throw JsonMappingException.wrapWithPath(e, ChannelParts.class, key);
      }
    }

    @Override
    public Collection<Object> getKnownPropertyNames() {
      return new ArrayList<>(TemplateParts.keys());
    }
  }
}
