package dev.herald.workflows.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A notification started on a low lane keeps its work there; one on the default lane never goes to a low one. */
class LowLaneTest {

  private static final int MEMBERS = 450;
  private static final String LOW_ORCHESTRATION = TaskQueues.notificationsFor(Priority.LOW);
  private static final String EMAIL = Channels.of(Channel.EMAIL).taskQueue();

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  @Test
  void lowNotificationsStartOnTheLowLaneAndTheOthersOnTheDefaultOne() {
    assertThat(LOW_ORCHESTRATION).isEqualTo(TaskQueues.lowLane(TaskQueues.NOTIFICATIONS));
    assertThat(TaskQueues.notificationsFor(Priority.NORMAL)).isEqualTo(TaskQueues.NOTIFICATIONS);
    assertThat(TaskQueues.notificationsFor(Priority.HIGH)).isEqualTo(TaskQueues.NOTIFICATIONS);
    assertThat(TaskQueues.laneOwner(TaskQueues.lowLane(EMAIL))).isEqualTo(EMAIL);
    assertThat(TaskQueues.onLaneOf(LOW_ORCHESTRATION, TaskQueues.lowLane(EMAIL))).isEqualTo(TaskQueues.lowLane(EMAIL));
  }

  @Test
  @Timeout(60)
  void aBroadcastOnTheLowLaneRecordsAndSendsOnTheLowLanesOfTheirQueues(TestWorkflowEnvironment env,
      WorkflowClient client) {
    FakeBroadcastLog log = FakeBroadcastLog.startWorkers(env, MEMBERS, LOW_ORCHESTRATION, TaskQueues.lowLane(EMAIL));

    assertThat(send(client, LOW_ORCHESTRATION, "low")).isEqualTo(NotificationStatus.COMPLETED);

    assertThat(log.taskQueues).containsExactlyInAnyOrder(LOW_ORCHESTRATION, TaskQueues.lowLane(EMAIL));
  }

  @Test
  @Timeout(60)
  void aLowBroadcastStartedOnTheDefaultLaneStaysOnTheDefaultQueues(TestWorkflowEnvironment env,
      WorkflowClient client) {
    FakeBroadcastLog log = FakeBroadcastLog.startWorkers(env, MEMBERS, TaskQueues.NOTIFICATIONS, EMAIL);

    assertThat(send(client, TaskQueues.NOTIFICATIONS, "default")).isEqualTo(NotificationStatus.COMPLETED);

    assertThat(log.taskQueues).as("every history from before lanes runs as it did")
        .containsExactlyInAnyOrder(TaskQueues.NOTIFICATIONS, EMAIL);
  }

  private static NotificationStatus send(WorkflowClient client, String queue, String key) {
    NotificationSpec spec = new NotificationSpec(NotificationIds.of("newsletters", key), key, "newsletters",
        List.of(Channel.EMAIL), List.of(), new Content("This week", "News."), Priority.LOW, null,
        new ApprovalPolicy(MEMBERS + 1, TestNotifications.APPROVAL_TIMEOUT), TestNotifications.ACCEPTED_AT,
        "sha256:" + key, ChannelMode.ALL, null, null, "customers", null, null, null);
    WorkflowOptions options = WorkflowOptions.newBuilder(TestNotifications.optionsFor(spec)).setTaskQueue(queue).build();
    return client.newWorkflowStub(NotificationWorkflow.class, options).send(spec).status();
  }
}
