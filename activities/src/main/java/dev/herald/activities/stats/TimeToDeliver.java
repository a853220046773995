package dev.herald.activities.stats;

/**
 * How long deliveries took, from when their notification could go (accepted, or approved, or its send
 * time, whichever is last) to the provider's acceptance, or to the receipt: percentiles in milliseconds
 * over {@code count} deliveries, null when there were none.
 */
public record TimeToDeliver(long count, Long p50Ms, Long p99Ms) {

  static final TimeToDeliver NONE = new TimeToDeliver(0, null, null);
}
