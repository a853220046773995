package dev.herald.activities.preference;

/**
 * Why a delivery is not sent: {@code code} is the delivery's error code ({@code opted-out:<scope>},
 * {@code frequency-capped}), {@code message} says it in words.
 */
public record SkipReason(String code, String message) {

  public static final String OPTED_OUT = "opted-out:";
  public static final String FREQUENCY_CAPPED = "frequency-capped";
}
