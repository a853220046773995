package dev.herald.workflows.channel;

/**
 * An address as the Temporal UI and logs may show it: enough to tell two apart at a glance, not enough
 * to write to ({@code a***@example.com}, {@code +4********89}, {@code U0***}).
 */
public final class MaskedAddress {

  private static final String HIDDEN = "***";

  private MaskedAddress() {}

  /** The first character of the local part, and the domain. */
  public static String email(String address) {
    int at = address.lastIndexOf('@');
    return at <= 0 ? id(address) : head(address, 1) + HIDDEN + address.substring(at);
  }

  /** The first two and last two digits, every one between as a star. */
  public static String phone(String number) {
    if (number.length() <= 6) {
      return HIDDEN;
    }
    return number.substring(0, 2) + "*".repeat(number.length() - 4) + number.substring(number.length() - 2);
  }

  /** The first two characters of an id; an id that is an email address as one. */
  public static String id(String id) {
    if (id.indexOf('@') > 0) {
      return email(id);
    }
    return id.codePointCount(0, id.length()) <= 4 ? HIDDEN : head(id, 2) + HIDDEN;
  }

  private static String head(String text, int codePoints) {
    return text.substring(0, text.offsetByCodePoints(0, codePoints));
  }
}
