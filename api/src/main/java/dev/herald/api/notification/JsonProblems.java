package dev.herald.api.notification;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Reads which field a Jackson failure is about, for REST problem details and Kafka dead letters, in
 * words of JSON (a string, a whole number), never Java class names or Jackson's own messages. A
 * message never quotes the value it refuses: it goes into Kafka dead letters and logs, and the value
 * may be an address.
 */
public final class JsonProblems {

  private static final String DUPLICATE = "Duplicate field '";

  private JsonProblems() {}

  public static FieldViolation violationOf(Throwable cause) {
    // a key given twice, also when a nested object's deserializer wrapped the parser's report
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonProcessingException parse && parse.getOriginalMessage() != null
          && parse.getOriginalMessage().startsWith(DUPLICATE) && parse.getProcessor() instanceof JsonParser parser) {
        String name = parse.getOriginalMessage().substring(DUPLICATE.length()).replaceFirst("'$", "");
        String parent = pathTo(parser.getParsingContext());
        return new FieldViolation(parent.isEmpty() ? name : parent + "." + name, "is given twice");
      }
    }
    if (cause instanceof InvalidFormatException format && !format.getPath().isEmpty()) {
      return new FieldViolation(path(format), notA(format.getTargetType()));
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return new FieldViolation(path(unknown), "is not a known field; known: " + unknown.getKnownPropertyIds());
    }
    if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      String field = mismatch.getPath().isEmpty() ? "(body)" : path(mismatch);
      return new FieldViolation(field, "has the wrong type; expected " + jsonType(mismatch.getTargetType()));
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new FieldViolation(path(mapping), "has the wrong type or shape");
    }
    if (cause instanceof JsonEOFException end) {
      return new FieldViolation("(body)", "is not valid JSON: it ends too early" + at(end.getLocation()));
    }
    if (cause instanceof JsonProcessingException parse) {
      return new FieldViolation("(body)", "is not valid JSON (or not UTF-8)" + at(parse.getLocation()));
    }
    return new FieldViolation("(body)", "is missing or not readable as JSON");
  }

  /** What a JSON value of {@code type} looks like, in the caller's words. */
  public static String jsonType(Class<?> type) {
    if (type == Instant.class) {
      return "an ISO-8601 instant such as 2030-01-01T09:00:00Z";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    return Map.class.isAssignableFrom(type) || type.isRecord() ? "an object" : "another kind of value";
  }

  /** Why a value of the wrong kind is refused, without the value: "is not a whole number". */
  public static String notA(Class<?> type) {
    return type == null ? "has the wrong type" : "is not " + jsonType(type);
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
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

  /** The JSON path of the value a parser's context reads, e.g. {@code recipients[0]}; empty for the body itself. */
  private static String pathTo(JsonStreamContext context) {
    JsonStreamContext parent = context == null ? null : context.getParent();
    if (parent == null || parent.inRoot()) {
      return "";
    }
    String above = pathTo(parent);
    if (parent.inArray()) {
      return above + "[" + Math.max(parent.getCurrentIndex(), 0) + "]";
    }
    return above.isEmpty() ? parent.getCurrentName() : above + "." + parent.getCurrentName();
  }
}
