package dev.herald.workflows.notification;

import dev.herald.workflows.messages.ApprovalDecision;

/** What admins and senders said to a running notification by signal. Workflow-thread only. */
final class Signals {

  /** The first approval decision; later ones are ignored. */
  ApprovalDecision decision;

  /** A broadcast asked to start no new batches. */
  boolean paused;

  void decide(ApprovalDecision decision) {
    if (this.decision == null) {
      this.decision = decision;
    }
  }
}
