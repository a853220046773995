package dev.herald.activities.email;

/**
 * The Content-Transfer-Encoding of a UTF-8 text part, chosen as Jakarta Mail chooses it (7bit when
 * every byte is printable ASCII in lines of at most 998, quoted-printable when ASCII bytes are the
 * majority, else base64), but from the String in one pass. Left to Jakarta Mail, every save encodes
 * the part into a counting stream through its data handler to find out: ~6% of a broadcast's CPU.
 */
enum TransferEncoding {
  SEVEN_BIT("7bit"),
  QUOTED_PRINTABLE("quoted-printable"),
  BASE64("base64");

  /** RFC 5322 section 2.1.1: a line is at most 998 characters before its CRLF. */
  private static final int MAX_LINE = 998;

  final String header;

  TransferEncoding(String header) {
    this.header = header;
  }

  static TransferEncoding of(String text) {
    long ascii = 0;
    long nonAscii = 0;
    int line = 0;
    boolean longLine = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        nonAscii += utf8Length(c);
        line += utf8Length(c);
      } else if (c == '\r' || c == '\n') {
        ascii++;
        line = 0;
      } else {
        if (c == 0x7f || (c < 0x20 && c != '\t')) {
          nonAscii++;
        } else {
          ascii++;
        }
        line++;
      }
      longLine |= line > MAX_LINE;
    }
    if (nonAscii == 0 && !longLine) {
      return SEVEN_BIT;
    }
    return ascii > nonAscii ? QUOTED_PRINTABLE : BASE64;
  }

  /** UTF-8 bytes of a char: a surrogate counts 2, so a pair counts the 4 bytes of its code point. */
  private static int utf8Length(char c) {
    return c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
  }
}
