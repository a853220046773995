package dev.herald.workflows.messages;

/** An admin's answer to a send that waits for approval. */
public enum Decision {
  APPROVE,
  REJECT
}
