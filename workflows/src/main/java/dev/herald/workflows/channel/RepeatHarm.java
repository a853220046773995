package dev.herald.workflows.channel;

/** What a message sent twice (a send whose outcome a crash lost, sent again) does to its recipient. */
public enum RepeatHarm {
  /** The receiving side recognises the repeat: an email's Message-ID is the delivery id, an inbox item is keyed by it. */
  RECOGNISED,
  /** A person gets it twice: a second SMS, call, push or Slack message. */
  REACHES_A_PERSON
}
