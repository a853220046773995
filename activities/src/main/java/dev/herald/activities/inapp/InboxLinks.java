package dev.herald.activities.inapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.channel.AttachmentLink;
import java.util.List;

/** An inbox item's attachment links as its row keeps them: a JSON list of {@code {name, type, url}}, null for none. */
final class InboxLinks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<AttachmentLink>> LINKS = new TypeReference<>() {};

  private InboxLinks() {}

  static String toJson(List<AttachmentLink> links) {
    if (links == null || links.isEmpty()) {
      return null;
    }
    try {
      return JSON.writeValueAsString(links);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  static List<AttachmentLink> fromJson(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, LINKS);
    } catch (JsonProcessingException corrupt) {
      throw new IllegalStateException("an inbox item's attachment links are not JSON", corrupt);
    }
  }
}
