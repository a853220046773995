package dev.herald.activities.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers in E.164 (+821012345678), the only form Herald stores and sends to. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /**
   * The number in E.164 when it is a valid number; a number without a country code is read as in
   * {@code defaultRegion} (ISO 3166 code such as "US" or "KR"; null: only international numbers).
   */
  public static Optional<String> toE164(String raw, String defaultRegion) {
    if (raw == null || raw.isBlank() || raw.length() > 40) {
      return Optional.empty();
    }
    try {
      PhoneNumber number = UTIL.parse(raw, defaultRegion == null ? "ZZ" : defaultRegion);
      return UTIL.isValidNumber(number)
          ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
