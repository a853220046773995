package dev.herald.api.console.recipient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.activities.recipient.StoredRecipient;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.recipient.RecipientRequest;
import dev.herald.api.recipient.RecipientWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The recipient form as typed: every field text, the attributes a JSON object written out. */
record RecipientForm(String id, String name, String locale, String timeZone, String email, String phone,
    String slack, String attributes) {

  /** The form's fields, in the order of the page: where each violation of the rules is shown. */
  static final List<String> FIELDS = List.of("id", "name", "email", "phone", "slack", "locale", "timeZone",
      "attributes");
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  static RecipientForm blank() {
    return new RecipientForm("", "", "", "", "", "", "", "");
  }

  static RecipientForm of(StoredRecipient r, ObjectMapper json) {
    String attributes;
    try {
      attributes = r.attributes().isEmpty() ? "" : json.writerWithDefaultPrettyPrinter().writeValueAsString(r.attributes());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored attributes are JSON", e);
    }
    return new RecipientForm(r.id(), r.name(), r.locale(), r.timeZone(), r.email(), r.phone(), r.slack(), attributes);
  }

  /**
   * Checks the form by the API's rules for a PUT of recipient {@code id} (attributes that are not a
   * JSON object too) and answers the recipient to store; an {@link InvalidRequestException} names
   * every wrong field.
   */
  RecipientRequest check(String id, RecipientWrites writes, ObjectMapper json) {
    List<FieldViolation> violations = new ArrayList<>();
    Map<String, Object> parsed = null;
    if (attributes != null && !attributes.isBlank()) {
      try {
        parsed = json.readValue(attributes, OBJECT);
      } catch (JsonProcessingException e) {
        violations.add(new FieldViolation("attributes", "must be a JSON object, e.g. {\"plan\": \"pro\"}"));
      }
    }
    RecipientRequest request = new RecipientRequest(null, name, locale, timeZone, email, phone, slack, parsed);
    try {
      writes.check(id, request);
    } catch (InvalidRequestException e) {
      violations.addAll(e.violations());
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return request;
  }
}
