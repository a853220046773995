package dev.herald.workflows.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A notification to a group: batches, continue-as-new, approval, pause/resume, cancel, given-up batches. */
class BroadcastWorkflowTest {

  private static final Logger logger = LoggerFactory.getLogger(BroadcastWorkflowTest.class);

  private static final int HISTORY_LIMIT = 10_000;

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  @Test
  @Timeout(300)
  void fansOutToAQuarterMillionMembersEachExactlyOnceInBatchesOfAThousandWithEveryHistoryUnderTenThousandEvents(
      TestWorkflowEnvironment env, WorkflowClient client) {
    int members = 250_000;
    FakeBroadcastLog log = start(env, members);
    NotificationSpec spec = broadcast("all-customers", 1_000, ChannelMode.ALL);
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec));

    WorkflowExecution first = WorkflowClient.start(workflow::send, spec);
    awaitStatus(client, spec, NotificationStatus.PENDING_APPROVAL);
    assertThat(log.batchesStarted).hasValue(0);
    client.newWorkflowStub(NotificationWorkflow.class, spec.id()).decide(approve(env));
    NotificationResult result = WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.sent()).isEqualTo(members);
    for (int seq = 0; seq < members; seq++) {
      assertThat(log.sends.get(seq)).as("sends to member %d", seq).isEqualTo(1);
    }
    assertThat(log.batchesStarted).hasValue(members / DeliveryPolicies.MAX_BATCH_SIZE);
    List<Integer> historySizes = historySizesOfEveryRun(client, first);
    assertThat(historySizes).as("runs of %d batches", DeliveryPolicies.BATCHES_PER_RUN).hasSize(3)
        .allSatisfy(size -> assertThat(size).isLessThan(HISTORY_LIMIT));
    logger.info("{} members: {} runs, largest history {} events", members, historySizes.size(),
        historySizes.stream().mapToInt(Integer::intValue).max().orElseThrow());
  }

  @Test
  void batchSizeGrowsWithTheAudienceFromAHundredToAThousand() {
    assertThat(DeliveryPolicies.batchSize(1)).isEqualTo(DeliveryPolicies.MIN_BATCH_SIZE);
    assertThat(DeliveryPolicies.batchSize(5_000)).isEqualTo(157);
    assertThat(DeliveryPolicies.batchSize(10_000)).isEqualTo(313);
    assertThat(DeliveryPolicies.batchSize(100_000)).isEqualTo(DeliveryPolicies.MAX_BATCH_SIZE);
    assertThat(DeliveryPolicies.batchSize(Integer.MAX_VALUE / 2)).isEqualTo(DeliveryPolicies.MAX_BATCH_SIZE);
  }

  @Test
  void batchesOfABroadcastCoverEveryMemberOnceAtItsSize(TestWorkflowEnvironment env, WorkflowClient client) {
    int members = 10_001;
    FakeBroadcastLog log = start(env, members);
    NotificationSpec spec = broadcast("sized-batches", members + 1, ChannelMode.ALL);

    client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec)).send(spec);

    int size = DeliveryPolicies.batchSize(members);
    assertThat(log.batchesStarted).hasValue((members + size - 1) / size);
    for (int seq = 0; seq < members; seq++) {
      assertThat(log.sends.get(seq)).as("sends to member %d", seq).isEqualTo(1);
    }
  }

  @Test
  void pausedBroadcastStartsNoBatchUntilResumed(TestWorkflowEnvironment env, WorkflowClient client) {
    FakeBroadcastLog log = start(env, 1_000);
    NotificationSpec spec = broadcast("pause", 10, ChannelMode.ALL);
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec));
    WorkflowClient.start(workflow::send, spec);
    awaitStatus(client, spec, NotificationStatus.PENDING_APPROVAL);
    NotificationWorkflow running = client.newWorkflowStub(NotificationWorkflow.class, spec.id());

    running.pause();
    running.decide(approve(env));
    awaitStatus(client, spec, NotificationStatus.PAUSED);
    assertThat(log.batchesStarted).hasValue(0);
    running.resume();
    NotificationResult result = WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.sent()).isEqualTo(1_000);
    assertThat(log.recordedStatuses).containsSubsequence(NotificationStatus.PAUSED, NotificationStatus.SENDING,
        NotificationStatus.COMPLETED);
  }

  @Test
  void cancelReleasesWhatIsPendingBeforeTheBatchesInFlightFinish(TestWorkflowEnvironment env, WorkflowClient client) {
    FakeBroadcastLog log = start(env, 5_000);
    log.gate = new CountDownLatch(1);
    NotificationSpec spec = broadcast("cancel", 10_000, ChannelMode.ALL);
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec));
    WorkflowClient.start(workflow::send, spec);
    await().atMost(Duration.ofSeconds(5)).until(() -> log.batchesStarted.get() == DeliveryPolicies.BATCH_WINDOW);

    WorkflowStub.fromTyped(workflow).cancel();
    await().atMost(Duration.ofSeconds(5)).until(() -> log.releases.get() == 1);
    log.gate.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> log.recordedStatuses.contains(NotificationStatus.CANCELLED));

    assertThat(log.batchesStarted).as("no batch starts after the cancel").hasValue(DeliveryPolicies.BATCH_WINDOW);
    assertThat(log.membersWith(DeliveryStatus.SENT)).as("the batches in flight found nothing left to send").isZero();
    assertThat(log.membersWith(DeliveryStatus.CANCELLED)).isEqualTo(5_000);
  }

  @Test
  void cancelWhileTheAudienceSnapshotIsTakenCancelsEveryMemberItRecorded(TestWorkflowEnvironment env,
      WorkflowClient client) throws InterruptedException {
    FakeBroadcastLog log = start(env, 1_000);
    log.snapshotWrites = new CountDownLatch(1);
    NotificationSpec spec = broadcast("cancel-snapshot", 10_000, ChannelMode.ALL);
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec));
    WorkflowClient.start(workflow::send, spec);
    assertThat(log.snapshotAsked.await(5, TimeUnit.SECONDS)).isTrue();

    WorkflowStub.fromTyped(workflow).cancel();
    await().atMost(Duration.ofSeconds(5)).until(() -> workflowTaskCompletedAfterCancel(client, spec.id()));
    log.snapshotWrites.countDown();
    await().atMost(Duration.ofSeconds(10)).until(() -> log.recordedStatuses.contains(NotificationStatus.CANCELLED));

    assertThat(log.ended).as("members are released only once the snapshot holds them")
        .containsSubsequence("recordAudience", "releasePending");
    assertThat(log.batchesStarted).as("nothing sent").hasValue(0);
    assertThat(log.membersWith(DeliveryStatus.PENDING)).as("no member left pending").isZero();
    assertThat(log.membersWith(DeliveryStatus.CANCELLED)).isEqualTo(1_000);
  }

  @Test
  void aBatchWhoseRetriesRanOutIsRecordedFailedAndTheRestGoesOut(TestWorkflowEnvironment env, WorkflowClient client) {
    FakeBroadcastLog log = start(env, 1_000);
    log.brokenBatches.add(300);
    NotificationSpec spec = broadcast("one-bad-batch", 10_000, ChannelMode.ALL);
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec));

    NotificationResult result = workflow.send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.PARTIALLY_FAILED);
    assertThat(result.sent()).isEqualTo(900);
    assertThat(result.failed()).isEqualTo(100);
    assertThat(log.failedBatches).singleElement().satisfies(batch -> {
      assertThat(batch.fromSeq()).isEqualTo(300);
      assertThat(batch.toSeq()).isEqualTo(400);
    });
  }

  @Test
  void aBatchThatReturnsWithDeliveriesPendingIsRunAgainThenRecordedFailed(
      TestWorkflowEnvironment env, WorkflowClient client) {
    FakeBroadcastLog log = start(env, 1_000);
    log.stuckBatches.add(200);
    NotificationSpec spec = broadcast("stuck-batch", 10_000, ChannelMode.ALL);

    NotificationResult result =
        client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec)).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.PARTIALLY_FAILED);
    assertThat(result.failed()).isEqualTo(100);
    assertThat(log.batchesStarted).as("10 batches, the stuck one 3 times").hasValue(12);
    assertThat(log.failedBatches).singleElement().satisfies(batch -> assertThat(batch.fromSeq()).isEqualTo(200));
  }

  @Test
  void deliveriesNoBatchSentNeverEndAsCompleted(TestWorkflowEnvironment env, WorkflowClient client) {
    FakeBroadcastLog log = start(env, 1_000);
    log.lostBatches.add(500);
    NotificationSpec spec = broadcast("lost-batch", 10_000, ChannelMode.ALL);

    NotificationResult result =
        client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec)).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.PARTIALLY_FAILED);
    assertThat(result.sent()).isEqualTo(900);
    assertThat(result.failed()).isEqualTo(100);
    assertThat(result.detail()).contains("left pending");
    assertThat(log.membersWith(DeliveryStatus.PENDING)).isZero();
  }

  @Test
  void progressQueryCountsPerChannelAsBatchesFinish(TestWorkflowEnvironment env, WorkflowClient client) {
    FakeBroadcastLog log = start(env, 250);
    NotificationSpec spec = broadcast("progress", 10, ChannelMode.ALL);
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec));
    WorkflowClient.start(workflow::send, spec);
    awaitStatus(client, spec, NotificationStatus.PENDING_APPROVAL);
    NotificationWorkflow running = client.newWorkflowStub(NotificationWorkflow.class, spec.id());
    assertThat(running.progress().channels())
        .containsExactly(new ChannelCounts(Channel.EMAIL, 250, 250, 0, 0, 0, 0, 0));

    running.decide(approve(env));
    WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class);

    assertThat(running.progress().channels())
        .containsExactly(new ChannelCounts(Channel.EMAIL, 250, 0, 250, 0, 0, 0, 0));
    assertThat(running.progress().total()).isEqualTo(250);
    assertThat(log.membersWith(DeliveryStatus.SENT)).isEqualTo(250);
  }

  @Test
  void anAudienceWithNobodyToReachFails(TestWorkflowEnvironment env, WorkflowClient client) {
    start(env, 0);
    NotificationSpec spec = broadcast("empty-group", 10, ChannelMode.ALL);

    NotificationResult result =
        client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec)).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(result.detail()).contains("group customers has no member");
  }

  /** Records the histories {@link NotificationReplayTest} replays; see {@link RecordHistoriesTest}. */
  @Test
  @EnabledIfSystemProperty(named = "herald.recordHistories", matches = "true")
  void recordBroadcastHistories(TestWorkflowEnvironment env, WorkflowClient client) throws IOException {
    start(env, DeliveryPolicies.BATCHES_PER_RUN * DeliveryPolicies.MAX_BATCH_SIZE + 150);
    NotificationSpec spec = broadcast("recorded-broadcast", 10, ChannelMode.ALL);
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec));
    WorkflowExecution first = WorkflowClient.start(workflow::send, spec);
    awaitStatus(client, spec, NotificationStatus.PENDING_APPROVAL);
    NotificationWorkflow running = client.newWorkflowStub(NotificationWorkflow.class, spec.id());
    running.pause();
    running.decide(approve(env));
    awaitStatus(client, spec, NotificationStatus.PAUSED);
    running.resume();
    WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class);

    WorkflowExecutionHistory firstRun = client.fetchHistory(spec.id(), first.getRunId());
    String secondRunId = firstRun.getLastEvent().getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId();
    Files.writeString(RecordHistoriesTest.HISTORIES.resolve("broadcast-first-run.json"), firstRun.toJson(true) + "\n");
    Files.writeString(RecordHistoriesTest.HISTORIES.resolve("broadcast-continued.json"),
        client.fetchHistory(spec.id(), secondRunId).toJson(true) + "\n");
  }

  private static FakeBroadcastLog start(TestWorkflowEnvironment env, int members) {
    return FakeBroadcastLog.startWorkers(env, members);
  }

  private static NotificationSpec broadcast(String key, int approvalThreshold, ChannelMode mode) {
    return new NotificationSpec(NotificationIds.of("marketing", key), key, "marketing", List.of(Channel.EMAIL),
        List.of(), new Content("Spring sale", "20% off this week."), Priority.LOW, null,
        new ApprovalPolicy(approvalThreshold, TestNotifications.APPROVAL_TIMEOUT), TestNotifications.ACCEPTED_AT,
        "sha256:" + key, mode, null, null, "customers", null, null, null);
  }

  private static ApprovalSignal approve(TestWorkflowEnvironment env) {
    return ApprovalSignal.of(Decision.APPROVE, "go", "admin@herald.test", TestNotifications.APPROVER_KEY);
  }

  private static void awaitStatus(WorkflowClient client, NotificationSpec spec, NotificationStatus status) {
    NotificationWorkflow running = client.newWorkflowStub(NotificationWorkflow.class, spec.id());
    await().atMost(Duration.ofSeconds(10)).until(() -> running.progress().status() == status);
  }

  /** The number of events of each run, following continue-as-new from the first run. */
  private static List<Integer> historySizesOfEveryRun(WorkflowClient client, WorkflowExecution first) {
    List<Integer> sizes = new ArrayList<>();
    String runId = first.getRunId();
    while (runId != null) {
      WorkflowExecutionHistory history = client.fetchHistory(first.getWorkflowId(), runId);
      sizes.add(history.getEvents().size());
      HistoryEvent last = history.getLastEvent();
      runId = last.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW
          ? last.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId()
          : null;
    }
    return sizes;
  }

  /** The workflow has taken the cancel request (a workflow task completed after it) while the snapshot is held. */
  private static boolean workflowTaskCompletedAfterCancel(WorkflowClient client, String id) {
    List<EventType> types = client.fetchHistory(id).getEvents().stream().map(HistoryEvent::getEventType).toList();
    int cancel = types.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED);
    return cancel >= 0 && types.subList(cancel, types.size()).contains(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
  }
}
