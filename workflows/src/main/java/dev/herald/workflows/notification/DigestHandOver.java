package dev.herald.workflows.notification;

import dev.herald.workflows.digest.DigestActivities;
import dev.herald.workflows.messages.NotificationSpec;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * A notification whose template asks for a digest is not sent itself: once it may go (after approval
 * and {@code sendAt}) it hands its event to each recipient's digest and ends DIGESTED, the detail
 * naming the digest notification(s). Versioned ({@link #DIGEST}); notifications without a digest never
 * reach the marker, so their histories are unchanged.
 */
final class DigestHandOver {

  /** Version marker: a notification with a digest hands its events over instead of sending. */
  static final String DIGEST = "digest";
  private static final int NAMED_IN_DETAIL = 3;

  private DigestHandOver() {}

  static boolean applies(NotificationSpec spec) {
    return spec.digest() != null && Workflow.getVersion(DIGEST, Workflow.DEFAULT_VERSION, 1) == 1;
  }

  /** Hands the events over; answers the status detail. */
  static String handOver(NotificationSpec spec) {
    List<String> digests = Workflow.newActivityStub(DigestActivities.class,
        DeliveryPolicies.onWorkflowsLane(DeliveryPolicies.digestHandOver()))
        .handOver(spec).stream().distinct().toList();
    if (digests.size() == 1) {
      return "into " + digests.get(0);
    }
    return "into " + digests.size() + " digests: " + String.join(", ", digests.subList(0, Math.min(NAMED_IN_DETAIL,
        digests.size()))) + (digests.size() > NAMED_IN_DETAIL ? ", …" : "");
  }
}
