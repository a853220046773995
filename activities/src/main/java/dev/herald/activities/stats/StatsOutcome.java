package dev.herald.activities.stats;

/**
 * What happened to deliveries, each counted when it happened: a delivery the provider accepted and whose
 * receipt then came counts as SENT at its sending and as DELIVERED (or FAILED) at its receipt.
 */
public enum StatsOutcome {
  /** The provider accepted it (its receipt may come later). */
  SENT,
  /** Its receipt said delivered. */
  DELIVERED,
  /** Failed for good: refused, out of retries, or a receipt saying undelivered. */
  FAILED,
  /** Not sent on purpose: an opt-out, suppression, cap, or a fallback made it unneeded. */
  SKIPPED,
  /** Released by a cancelled, rejected or expired notification. */
  CANCELLED,
  /** Became a dead letter (a failure kept for an admin to re-drive): FAILED ones, counted again. */
  DEAD_LETTERED
}
