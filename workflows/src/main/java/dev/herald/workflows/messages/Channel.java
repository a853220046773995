package dev.herald.workflows.messages;

/** A way to reach a recipient. */
public enum Channel {
  EMAIL,
  SMS,
  VOICE,
  PUSH,
  IN_APP,
  SLACK
}
