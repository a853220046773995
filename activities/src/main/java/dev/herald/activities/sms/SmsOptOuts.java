package dev.herald.activities.sms;

/**
 * Numbers that opted out of SMS (replied STOP, or Twilio reported them unsubscribed). The minimal
 * preference store: nothing is ever texted to a number in it.
 */
public interface SmsOptOuts {

  boolean isOptedOut(String phone);

  /** Idempotent; {@code source} says why (e.g. "inbound STOP", "twilio-21610"). */
  void optOut(String phone, String source);

  /** Idempotent. */
  void optIn(String phone);
}
