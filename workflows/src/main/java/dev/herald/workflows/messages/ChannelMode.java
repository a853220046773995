package dev.herald.workflows.messages;

/** How the channels of a notification are used. */
public enum ChannelMode {
  /** Every channel, for every recipient. */
  ALL,
  /** Channels in order: the next one only when the previous failed for good (e.g. PUSH, then SMS). */
  FALLBACK
}
