package dev.herald.workflows.messages;

import java.time.Duration;

/**
 * When a notification needs an admin's approval: when its audience is larger than {@code
 * threshold}; it expires when no decision arrives within {@code timeout}. Passed in the workflow
 * input so configuration changes never make a running workflow non-deterministic.
 */
public record ApprovalPolicy(int threshold, Duration timeout) {

  public boolean requiresApproval(int audienceSize) {
    return audienceSize > threshold;
  }
}
