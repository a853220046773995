package dev.herald.api.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;

/** Reads which field a Jackson failure is about, for REST problem details and Kafka dead letters. */
public final class JsonProblems {

  private JsonProblems() {}

  public static FieldViolation violationOf(Throwable cause) {
    if (cause instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
      String message = "cannot be '" + format.getValue() + "'";
      if (format.getTargetType() != null && format.getTargetType().isEnum()) {
        message += "; one of " + Arrays.toString(format.getTargetType().getEnumConstants());
      } else if (format.getTargetType() != null) {
        message += "; expected " + format.getTargetType().getSimpleName();
      }
      return new FieldViolation(path(format), message);
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldViolation(path(unknown), "is not a known field; known: " + unknown.getKnownPropertyIds());
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new FieldViolation(path(mapping), "has the wrong type or shape");
    }
    if (cause instanceof JsonProcessingException parse) {
      return new FieldViolation("(body)", "is not valid JSON: " + parse.getOriginalMessage());
    }
    return new FieldViolation("(body)", "is missing or not readable as JSON");
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
