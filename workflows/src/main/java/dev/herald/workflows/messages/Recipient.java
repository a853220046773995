package dev.herald.workflows.messages;

/** Who a notification goes to: the addresses known for one recipient. */
public record Recipient(String email) {}
