package dev.herald.activities.email;

import dev.herald.activities.text.TextRules;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Optional;

/**
 * What an email address must be to be accepted, and the form it is sent in: a bare address (no
 * display name), local part and domain. An international domain is written in IDNA (punycode) on
 * the wire; a local part beyond ASCII needs an SMTP server that offers SMTPUTF8 (RFC 6531).
 */
public final class EmailAddresses {

  public static final int MAX_CHARS = 254;
  private static final int MAX_LOCAL_PART_CHARS = 64;
  private static final String INVALID = "is not a valid email address";

  private EmailAddresses() {}

  /** What is wrong with {@code value} as a recipient's address, or nothing. */
  public static Optional<String> problem(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(INVALID);
    }
    Optional<String> text = TextRules.line(value, MAX_CHARS);
    if (text.isPresent()) {
      return text;
    }
    int at = value.lastIndexOf('@');
    if (at <= 0 || at > MAX_LOCAL_PART_CHARS || at == value.length() - 1) {
      return Optional.of(INVALID);
    }
    String domain = asciiDomain(value.substring(at + 1));
    if (domain == null || domain.indexOf('.') <= 0 || domain.endsWith(".")) {
      return Optional.of(INVALID + ": the domain is not a valid (international) domain name");
    }
    String local = value.substring(0, at);
    // the local part is checked as ASCII by the strict parser; characters beyond ASCII stand in as 'a'
    String ascii = local.codePoints().map(c -> c > 0x7F ? 'a' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "@" + domain;
    try {
      InternetAddress parsed = new InternetAddress(ascii, true);
      return parsed.getAddress().equals(ascii) ? Optional.empty() : Optional.of(INVALID);
    } catch (AddressException e) {
      return Optional.of(INVALID);
    }
  }

  /** The address as sent: its domain in IDNA ASCII form; the local part as it is. */
  static String onTheWire(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return address;
    }
    String domain = asciiDomain(address.substring(at + 1));
    return domain == null ? address : address.substring(0, at + 1) + domain;
  }

  /** True when the local part is beyond ASCII, so only an SMTPUTF8 server can take it. */
  static boolean needsSmtpUtf8(String address) {
    int at = address.lastIndexOf('@');
    return address.substring(0, Math.max(at, 0)).chars().anyMatch(c -> c > 0x7F);
  }

  /** The domain in ASCII (IDNA, lower case), or null when it is no valid domain name. */
  private static String asciiDomain(String domain) {
    try {
      String ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
      return ascii.isEmpty() || ascii.length() > 253 ? null : ascii.toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
