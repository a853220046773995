package dev.herald.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.BatchOutcome;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A notification's batch activities are dispatched at its priority, with its sender as the fairness key. */
class TaskPriorityTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  /**
   * Started without a Temporal priority, as a history from before priorities, and long enough to
   * continue as new (where the test server drops a workflow's priority): every batch still carries it.
   */
  @Test
  @Timeout(120)
  void everyBatchOfABroadcastCarriesItsPriorityAndSenderAlsoAfterContinueAsNew(TestWorkflowEnvironment env,
      WorkflowClient client) {
    int members = DeliveryPolicies.BATCHES_PER_RUN * DeliveryPolicies.MAX_BATCH_SIZE + 1_000;
    FakeBroadcastLog log = new FakeBroadcastLog(members);
    Set<io.temporal.common.Priority> seen = ConcurrentHashMap.newKeySet();
    Worker notifications = env.newWorker(TaskQueues.NOTIFICATIONS);
    notifications.registerWorkflowImplementationTypes(NotificationWorkflowImpl.class);
    notifications.registerActivitiesImplementations(log);
    env.newWorker(Channels.of(Channel.EMAIL).taskQueue()).registerActivitiesImplementations(new ChannelActivities() {
      @Override
      public ChannelCounts sendBatch(BatchRequest batch) {
        seen.add(Activity.getExecutionContext().getInfo().getPriority());
        return log.sendBatch(batch);
      }

      @Override
      public BatchOutcome sendBatchAfterQuietHours(BatchRequest batch) {
        seen.add(Activity.getExecutionContext().getInfo().getPriority());
        return log.sendBatchAfterQuietHours(batch);
      }
    });
    env.start();
    NotificationSpec spec = new NotificationSpec(NotificationIds.of("newsletters", "weekly"), "weekly", "newsletters",
        List.of(Channel.EMAIL), List.of(), new Content("This week", "News."), Priority.LOW, null,
        new ApprovalPolicy(members + 1, TestNotifications.APPROVAL_TIMEOUT), TestNotifications.ACCEPTED_AT,
        "sha256:weekly", ChannelMode.ALL, null, null, "customers", null, null, null);

    var result = client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec)).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(log.batchesStarted).hasValueGreaterThan(DeliveryPolicies.BATCHES_PER_RUN);
    assertThat(seen).containsExactly(io.temporal.common.Priority.newBuilder()
        .setPriorityKey(Priority.LOW.temporalPriorityKey()).setFairnessKey("newsletters").build());
  }
}
