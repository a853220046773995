package dev.herald.workflows.messages;

import java.time.Duration;

/**
 * When a notification needs an admin's approval and who may not give it: needed when its audience
 * is larger than {@code threshold}; it expires when no decision arrives within {@code timeout}.
 * Passed in the workflow input so configuration changes never make a running workflow
 * non-deterministic.
 *
 * @param requestedByKey the public prefix of the API key that asked for the send; that key may not
 *     decide on it (four-eyes), nor may the notification's sender. Null for a Kafka event.
 */
public record ApprovalPolicy(int threshold, Duration timeout, String requestedByKey) {

  public ApprovalPolicy(int threshold, Duration timeout) {
    this(threshold, timeout, null);
  }

  public boolean requiresApproval(int audienceSize) {
    return audienceSize > threshold;
  }

  public ApprovalPolicy requestedBy(String key) {
    return new ApprovalPolicy(threshold, timeout, key);
  }
}
