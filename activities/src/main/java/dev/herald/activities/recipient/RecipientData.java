package dev.herald.activities.recipient;

import java.util.Map;

/** What a sender says about a recipient, as written by them; {@link RecipientRules} checks and normalizes it. */
public record RecipientData(
    String id,
    String name,
    String locale,
    String timeZone,
    String email,
    String phone,
    String slack,
    Map<String, Object> attributes) {

  public RecipientData {
    attributes = attributes == null ? Map.of() : attributes;
  }
}
