package dev.herald.activities.email;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Text in header lines as written: one line (a line break or control character, e.g. from a template
 * variable, becomes a space), and for the Subject encoded and folded so that no header line exceeds
 * what RFC 5322 allows. Jakarta Mail folds only at spaces; a longer run without one is written as a
 * sequence of encoded words (RFC 2047), which readers join back without the folds.
 */
final class HeaderText {

  /** RFC 5322 section 2.1.1: at most 998 characters per line, without the CRLF. */
  static final int MAX_LINE = 998;
  private static final String NAME = "Subject: ";
  /** UTF-8 bytes per encoded word: 45 bytes are 60 in base64, a line of 72 with the word's frame. */
  private static final int BYTES_PER_WORD = 45;

  private HeaderText() {}

  /** The Subject header's value, folded (lines joined by CRLF and a space). */
  static String subject(String subject) {
    String line = oneLine(subject == null ? "" : subject);
    try {
      String folded = MimeUtility.fold(NAME.length(), MimeUtility.encodeText(line, "UTF-8", null));
      return fits(folded) ? folded : encodedWords(line);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  /** {@code text} with each line break and control character made a space. */
  static String oneLine(String text) {
    StringBuilder line = new StringBuilder(text.length());
    text.codePoints().forEach(c -> line.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
    return line.toString();
  }

  private static boolean fits(String folded) {
    String[] lines = folded.split("\r\n");
    if (NAME.length() + lines[0].length() > MAX_LINE) {
      return false;
    }
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].length() > MAX_LINE) {
        return false;
      }
    }
    return true;
  }

  /** Base64 encoded words of whole characters, one per line. */
  private static String encodedWords(String text) {
    StringBuilder header = new StringBuilder();
    StringBuilder chunk = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int size = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > BYTES_PER_WORD) {
        appendWord(header, chunk);
        chunk.setLength(0);
        bytes = 0;
      }
      chunk.appendCodePoint(c);
      bytes += size;
      i += Character.charCount(c);
    }
    appendWord(header, chunk);
    return header.toString();
  }

  private static void appendWord(StringBuilder header, CharSequence chunk) {
    if (chunk.isEmpty()) {
      return;
    }
    if (!header.isEmpty()) {
      header.append("\r\n ");
    }
    header.append("=?UTF-8?B?")
        .append(Base64.getEncoder().encodeToString(chunk.toString().getBytes(StandardCharsets.UTF_8)))
        .append("?=");
  }
}
