package dev.herald.api.console.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.herald.api.notification.FieldViolation;
import dev.herald.api.notification.InvalidRequestException;
import dev.herald.api.template.PreviewRequest;
import dev.herald.workflows.messages.Channel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A preview as asked on a version's page: a channel (blank: every channel of the version), a locale
 * (blank: the default) and sample variables as a JSON object, as typed.
 */
record PreviewForm(String channel, String locale, String variables) {

  static final List<String> FIELDS = List.of("channel", "locale", "variables");
  static final PreviewForm EMPTY = new PreviewForm("", "", "");
  private static final String NOT_AN_OBJECT = "must be a JSON object, e.g. {\"name\": \"Minji\"}";
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  PreviewForm {
    channel = channel == null ? "" : channel;
    locale = locale == null ? "" : locale;
    variables = variables == null ? "" : variables;
  }

  /** The same preview of one channel (the email's HTML frame). */
  PreviewForm on(Channel only) {
    return new PreviewForm(only.name(), locale, variables);
  }

  /**
   * The request the API's preview takes for this version.
   * @throws InvalidRequestException a channel that is none, variables that are not a JSON object
   */
  PreviewRequest request(int version, ObjectMapper json) {
    List<FieldViolation> violations = new ArrayList<>();
    Channel chosen = null;
    if (!channel.isBlank()) {
      chosen = Arrays.stream(Channel.values()).filter(c -> c.name().equals(channel)).findFirst().orElse(null);
      if (chosen == null) {
        violations.add(new FieldViolation("channel", "is not a channel"));
      }
    }
    Map<String, Object> values = Map.of();
    if (!variables.isBlank()) {
      try {
        values = json.readValue(variables, OBJECT);
        if (values == null) {
          violations.add(new FieldViolation("variables", NOT_AN_OBJECT));
        }
      } catch (MismatchedInputException e) {
        violations.add(new FieldViolation("variables", NOT_AN_OBJECT));
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        violations.add(new FieldViolation("variables", "is not valid JSON"
            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")));
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return new PreviewRequest(version, locale.isBlank() ? null : locale.strip(), chosen, values);
  }
}
