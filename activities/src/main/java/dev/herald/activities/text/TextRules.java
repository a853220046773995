package dev.herald.activities.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What every text Herald accepts must be, so that it can be stored (PostgreSQL text and jsonb refuse
 * U+0000), carried (Temporal's JSON payloads), encoded as UTF-8 (an unpaired surrogate cannot be)
 * and sent (SMTP headers, Twilio, FCM, Slack, the inbox). The one place for these rules: the REST
 * API, Kafka events and the bulk import all ask here. Each check answers what is wrong, in words
 * for the caller, or nothing.
 */
public final class TextRules {

  /** Nesting of a JSON value (template variables, recipient attributes) that is still data, not an attack. */
  public static final int MAX_DEPTH = 16;

  private TextRules() {}

  /**
   * One line: no control character at all (tab and line breaks included) and no Unicode line or
   * paragraph separator; at most {@code maxChars} UTF-16 characters. Null is fine (absent).
   */
  public static Optional<String> line(String value, int maxChars) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.length() > maxChars) {
      return Optional.of("must be at most " + maxChars + " characters");
    }
    return firstProblem(value, false);
  }

  /** Text of several lines: tabs and line breaks allowed, no other control character; at most {@code maxChars}. */
  public static Optional<String> text(String value, int maxChars) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.length() > maxChars) {
      return Optional.of("must be at most " + maxChars + " characters");
    }
    return firstProblem(value, true);
  }

  /**
   * A token (a device token, a cursor): one line of visible characters, no space and no '/' (it is
   * a path segment of the API).
   */
  public static Optional<String> token(String value, int maxChars) {
    Optional<String> line = line(value, maxChars);
    if (line.isPresent() || value == null) {
      return line;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '/') {
        return Optional.of("must not contain spaces or '/' (" + describe(value, i) + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * Every string of a JSON value (keys and values, at any depth) as {@link #text}, each reported with
   * its path below {@code path} (e.g. {@code variables.order.items[2].name}); deeper than
   * {@link #MAX_DEPTH} is refused too.
   */
  public static void json(Object value, String path, int maxChars, BiConsumer<String, String> violation) {
    json(value, path, maxChars, 0, violation);
  }

  private static void json(Object value, String path, int maxChars, int depth, BiConsumer<String, String> violation) {
    if (depth > MAX_DEPTH) {
      violation.accept(path, "is nested deeper than " + MAX_DEPTH + " levels");
      return;
    }
    if (value instanceof String text) {
      text(text, maxChars).ifPresent(problem -> violation.accept(path, problem));
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        Optional<String> keyProblem = line(key, maxChars);
        if (keyProblem.isPresent()) {
          violation.accept(path, "has a key that " + keyProblem.get());
        } else {
          json(entry.getValue(), path + "." + key, maxChars, depth + 1, violation);
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        json(list.get(i), path + "[" + i + "]", maxChars, depth + 1, violation);
      }
    }
  }

  /**
   * {@code value} with what PostgreSQL cannot store or UTF-8 cannot encode (U+0000, unpaired
   * surrogates) replaced by U+FFFD: for recording what was refused further in, never for the door.
   */
  public static String storable(String value) {
    if (value == null || firstProblem(value, true).isEmpty()) {
      return value;
    }
    StringBuilder kept = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        kept.append(c).append(value.charAt(++i));
      } else if (c == 0 || Character.isSurrogate(c)) {
        kept.append('\uFFFD');
      } else {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  private static Optional<String> firstProblem(String value, boolean multiline) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("is not valid Unicode: an unpaired surrogate (" + describe(value, i) + ")");
      } else if (isLineBreak(c)) {
        if (!multiline) {
          return Optional.of("must be a single line (" + describe(value, i) + ")");
        }
      } else if (Character.isISOControl(c) && !(multiline && c == '\t')) {
        return Optional.of("must not contain control characters (" + describe(value, i) + ")");
      }
    }
    return Optional.empty();
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** e.g. "U+0000 at character 12": where the caller finds it. */
  private static String describe(String value, int index) {
    return String.format("U+%04X at character %d", (int) value.charAt(index), index + 1);
  }
}
