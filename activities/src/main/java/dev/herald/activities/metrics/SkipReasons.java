package dev.herald.activities.metrics;

import dev.herald.activities.preference.SkipReason;

/** A skip's reason class, the {@code reason} tag: a few words, whatever the code's details. */
final class SkipReasons {

  static final String OPTED_OUT = "opted_out";
  static final String CAPPED = "capped";
  static final String NOT_NEEDED = "not_needed";
  static final String DIGESTED = "digested";
  /** The prefix of a skip whose event went into the recipient's digest (DigestHandOverImpl). */
  static final String DIGESTED_CODE = "digested:";

  private SkipReasons() {}

  /**
   * {@code opted-out:<scope>} (a preference, a suppression, the provider's word) is opted_out,
   * {@code frequency-capped} capped, {@code digested:<id>} digested, a skip without a code (a fallback or an
   * escalation no longer needed) not_needed; any other, other.
   */
  static String classOf(String code) {
    if (code == null || code.isBlank()) {
      return NOT_NEEDED;
    }
    if (code.startsWith(SkipReason.OPTED_OUT)) {
      return OPTED_OUT;
    }
    if (code.equals(SkipReason.FREQUENCY_CAPPED)) {
      return CAPPED;
    }
    if (code.startsWith(DIGESTED_CODE)) {
      return DIGESTED;
    }
    return HeraldMeters.OTHER;
  }
}
