package dev.herald.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Random;

/**
 * Arbitrary Unicode strings for property tests of the door: printable ASCII, controls (U+0000
 * included), C1 controls, letters of every plane, valid surrogate pairs, unpaired surrogates, line
 * separators, noncharacters and the characters that mean something in JSON, email or paths; of any
 * length from empty to long. Seeded: a failure names its seed and its input, and repeats.
 */
public final class ArbitraryText {

  /** JSON with everything beyond ASCII escaped (\\uXXXX), so an unpaired surrogate reaches the server as one. */
  public static final ObjectMapper ESCAPING_JSON = JsonMapper.builder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final char[] SPECIAL = {'\n', '\r', '\t', '\u2028', '\u2029', '\u0085', '\uFEFF', '\uFFFE', '\uFFFF',
      '@', '/', ' ', '"', '\\', '<', '>', ',', ';', '.', '%', '{', '}', '\u00A0', '\u202E', '\u0301'};

  private final Random random;

  public ArbitraryText(long seed) {
    this.random = new Random(seed);
  }

  public String next() {
    int length = switch (random.nextInt(10)) {
      case 0 -> 0;
      case 1 -> 1;
      case 2, 3, 4, 5 -> 1 + random.nextInt(20);
      case 6, 7, 8 -> 1 + random.nextInt(300);
      default -> 500 + random.nextInt(2500);
    };
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      appendOne(text);
    }
    return text.toString();
  }

  private void appendOne(StringBuilder text) {
    int kind = random.nextInt(100);
    if (kind < 40) {
      text.append((char) (0x20 + random.nextInt(0x5F)));
    } else if (kind < 48) {
      text.append(random.nextInt(4) == 0 ? '\u0000' : (char) random.nextInt(0x20));
    } else if (kind < 51) {
      text.append((char) (0x7F + random.nextInt(0x21)));
    } else if (kind < 71) {
      text.append((char) (0xA0 + random.nextInt(0xD7FF - 0xA0)));
    } else if (kind < 81) {
      text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
    } else if (kind < 86) {
      text.append((char) (random.nextBoolean() ? 0xD800 + random.nextInt(0x400) : 0xDC00 + random.nextInt(0x400)));
    } else {
      text.append(SPECIAL[random.nextInt(SPECIAL.length)]);
    }
  }

  /** {@code value} as JSON, every character beyond ASCII escaped. */
  public static String json(Object value) {
    try {
      return ESCAPING_JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The string with its code units spelled out, for a failure message. */
  public static String spelled(String value) {
    StringBuilder spelled = new StringBuilder();
    for (int i = 0; i < Math.min(value.length(), 80); i++) {
      char c = value.charAt(i);
      spelled.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
    }
    return spelled + (value.length() > 80 ? "… (" + value.length() + " chars)" : "");
  }
}
