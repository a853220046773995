package dev.herald.workflows.notification;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.ApprovalSignal;
import java.util.ArrayList;
import java.util.List;

/** What admins and senders said to a running notification by signal. Workflow-thread only. */
final class Signals {

  /** Every approval signal, in the order they arrived; the approval stage examines them. */
  final List<ApprovalSignal> approvals = new ArrayList<>();

  /** The decision taken: the first allowed one; later ones are ignored. */
  ApprovalDecision decision;

  /** A broadcast asked to start no new batches. */
  boolean paused;

  /** A decision taken by an earlier run, carried over continue-as-new. */
  void carry(ApprovalDecision taken) {
    if (decision == null) {
      decision = taken;
    }
  }
}
