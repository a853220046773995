package dev.herald.workflows.deadletter;

import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.RedriveOutcome;
import dev.herald.workflows.notification.ActivitySummaries;
import dev.herald.workflows.notification.DeliveryErrors;
import dev.herald.workflows.notification.DeliveryPolicies;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

/**
 * Reopens the delivery (FAILED to PENDING, atomically), sends its batch of one member on its channel's
 * queue with the channel's retry policy and the usual checks right before the send (opt-outs,
 * suppressions, caps), records a failure as any batch does (a new dead letter), and settles the dead letter.
 */
public class RedriveWorkflowImpl implements RedriveWorkflow {

  private final DeadLetterActivities deadLetters =
      Workflow.newActivityStub(DeadLetterActivities.class, DeliveryPolicies.deliveryLog());
  private final DeliveryLogActivities deliveryLog =
      Workflow.newActivityStub(DeliveryLogActivities.class, DeliveryPolicies.deliveryLog());

  @Override
  public RedriveOutcome redrive(String deliveryId) {
    BatchRequest batch = deadLetters.reopenDeadLetter(deliveryId);
    if (batch != null) {
      ChannelActivities sender = Workflow.newActivityStub(ChannelActivities.class, ActivityOptions.newBuilder(
          DeliveryPolicies.forBatch(batch.channel(), 1)).setSummary(ActivitySummaries.redrive(deliveryId, batch)).build());
      try {
        ChannelCounts counts = sender.sendBatch(batch);
        if (counts.pending() > 0) {
          deliveryLog.failBatch(batch, DeliveryErrors.unfinished(counts.pending()));
        }
      } catch (ActivityFailure failure) {
        deliveryLog.failBatch(batch, DeliveryErrors.from(failure));
      }
    }
    return deadLetters.settleDeadLetter(deliveryId);
  }
}
