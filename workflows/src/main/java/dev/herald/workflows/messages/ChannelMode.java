package dev.herald.workflows.messages;

/** How the channels of a notification are used. */
public enum ChannelMode {
  /** Every channel, for every recipient. */
  ALL,
  /** Channels in order: the next one only when the previous failed for good (e.g. PUSH, then SMS). */
  FALLBACK,
  /**
   * Channels in order, each after a wait: the next one only for recipients who did not acknowledge an
   * earlier one within it (an in-app item read, an SMS or call delivered), e.g. IN_APP, then EMAIL after
   * 30 minutes, then SMS after 2 hours.
   */
  ESCALATE
}
