package dev.herald.activities.sms;

/**
 * How an SMS body travels: its encoding, its length in that encoding's units and the number of
 * segments (parts) it is sent as, the way carriers and Twilio count them.
 *
 * <ul>
 *   <li>GSM-7 when every character is in the GSM 03.38 basic or extension table: 160 septets in one
 *       segment, 153 per segment when split; an extension character ({@code €[]{}^~|\} and form feed)
 *       takes 2 (an escape and itself) and is never split across segments.
 *   <li>Otherwise UCS-2 (UTF-16): 70 code units in one segment, 67 per segment when split; a
 *       character outside the BMP (most emoji) takes 2 units and is never split either.
 * </ul>
 *
 * @param units septets (GSM-7) or UTF-16 code units (UCS-2)
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

  public enum Encoding {
    GSM_7("GSM-7", 160, 153),
    UCS_2("UCS-2", 70, 67);

    private final String label;
    private final int single;
    private final int perSegment;

    Encoding(String label, int single, int perSegment) {
      this.label = label;
      this.single = single;
      this.perSegment = perSegment;
    }

    /** The usual name: GSM-7, UCS-2. */
    public String label() {
      return label;
    }
  }

  private static final String GSM_BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

  public static SmsSegments of(String body) {
    String text = body == null ? "" : body;
    Encoding encoding = isGsm7(text) ? Encoding.GSM_7 : Encoding.UCS_2;
    int units = 0;
    int segments = 1;
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int cost = cost(encoding, codePoint);
      units += cost;
      if (used + cost > encoding.perSegment) {
        segments++;
        used = 0;
      }
      used += cost;
      i += Character.charCount(codePoint);
    }
    return new SmsSegments(encoding, units, units <= encoding.single ? 1 : segments);
  }

  private static boolean isGsm7(String text) {
    return text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
  }

  private static int cost(Encoding encoding, int codePoint) {
    if (encoding == Encoding.UCS_2) {
      return Character.charCount(codePoint);
    }
    return GSM_EXTENSION.indexOf(codePoint) >= 0 ? 2 : 1;
  }
}
