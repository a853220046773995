package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static dev.herald.workflows.notification.TestNotifications.invalidAddress;
import static dev.herald.workflows.notification.TestNotifications.optionsFor;
import static dev.herald.workflows.notification.TestNotifications.providerUnavailable;
import static dev.herald.workflows.notification.TestNotifications.withApprovalThreshold;
import static dev.herald.workflows.notification.TestNotifications.withSendAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.audience.PlannedDelivery;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A notification to a list of recipients: its stages, its log writes, retries, cancellation. */
class NotificationWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final FakeDeliveryLog log = new FakeDeliveryLog();
  /** What the email provider answers; every message is accepted unless a test says otherwise. */
  private volatile FakeDeliveryLog.Provider smtp = message -> "smtp-1";
  /** Holds back a send that must still be in flight when the test cancels. */
  private final CountDownLatch providerAnswers = new CountDownLatch(1);
  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.testEnv = testEnv;
    this.client = client;
    TestNotifications.startWorkers(testEnv, log.channel(Channel.EMAIL, message -> smtp.send(message)), log);
  }

  @AfterEach
  void releaseHeldSends() {
    providerAnswers.countDown();
  }

  @Test
  void sendsEachRecipientOnceAndCompletes() {
    NotificationSpec spec = emailTo("no-approval", "ada@example.com", "bob@example.com");

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result).isEqualTo(new NotificationResult(spec.id(), NotificationStatus.COMPLETED, 2, 0, 0, 0, 0, null));
    assertThat(log.sent).extracting(PlannedDelivery::address).containsExactlyInAnyOrder("ada@example.com", "bob@example.com");
    assertThat(log.sent).extracting(PlannedDelivery::id)
        .containsExactlyInAnyOrder(spec.id() + "/email/0", spec.id() + "/email/1");
    assertThat(log.statuses).containsExactly(NotificationStatus.SENDING, NotificationStatus.COMPLETED);
    assertThat(log.calls).doesNotContain("releasePending");
  }

  @Test
  void aSpecByKeyHandsItsKeyToEveryBatchAndNoContent() {
    NotificationSpec spec = TestNotifications.byKey(emailTo("by-key", "ada@example.com", "bob@example.com"));

    assertThat(newWorkflow(spec).send(spec).status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(log.batches).isNotEmpty().allSatisfy(batch -> {
      assertThat(batch.contentKey()).isEqualTo(spec.requestHash());
      assertThat(batch.content()).isNull();
    });
  }

  @Test
  void aSingleSendWritesTheLogOnceToStartAndOnceToEnd() {
    NotificationSpec spec = emailTo("at-once", "ada@example.com");

    newWorkflow(spec).send(spec);

    assertThat(log.calls).containsExactly("recordAudience", "recordStatus");
    assertThat(log.statuses).containsExactly(NotificationStatus.SENDING, NotificationStatus.COMPLETED);
  }

  @Test
  void aSingleSendStartedAsSendingUpdatesItsStatusAttributeOnlyToTheFinalStatus() {
    NotificationSpec spec = emailTo("started-sending", "ada@example.com");

    newWorkflow(spec).send(spec);

    List<HistoryEvent> events = client.fetchHistory(spec.id()).getEvents();
    assertThat(statusAtStart(events)).isEqualTo("\"SENDING\"");
    assertThat(statusUpdates(events)).containsExactly("\"COMPLETED\"");
  }

  @Test
  void aSingleSendStartedAsAcceptedStillShowsSendingFirst() {
    NotificationSpec spec = emailTo("started-accepted", "ada@example.com");
    WorkflowOptions startedAsAccepted = WorkflowOptions.newBuilder(optionsFor(spec))
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(HeraldSearchAttributes.STATUS, NotificationStatus.ACCEPTED.name()).build())
        .build();

    client.newWorkflowStub(NotificationWorkflow.class, startedAsAccepted).send(spec);

    assertThat(statusUpdates(client.fetchHistory(spec.id()).getEvents())).containsExactly("\"SENDING\"", "\"COMPLETED\"");
  }

  @Test
  void aSingleSendCostsTwoWorkflowTasksAndOneActivityLikeABareWorkflow() {
    NotificationSpec spec = emailTo("single-send-cost", "ada@example.com");

    newWorkflow(spec).send(spec);

    List<EventType> events = client.fetchHistory(spec.id()).getEvents().stream().map(HistoryEvent::getEventType).toList();
    assertThat(events).filteredOn(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED::equals).hasSize(2);
    assertThat(events).filteredOn(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED::equals).hasSize(1);
  }

  @Test
  void approveWaitsForSignalThenSends() {
    NotificationSpec spec = withApprovalThreshold(emailTo("approve", "ada@example.com", "bob@example.com"), 1);
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    awaitStatusRecorded(NotificationStatus.PENDING_APPROVAL);

    assertThat(workflow.progress().status()).isEqualTo(NotificationStatus.PENDING_APPROVAL);
    assertThat(workflow.progress().pending()).isEqualTo(2);
    assertThat(log.sent).isEmpty();

    workflow.decide(decision(Decision.APPROVE, null));
    NotificationResult result = resultOf(workflow);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.sent()).isEqualTo(2);
    ApprovalDecision approval = log.approvals.get(0);
    assertThat(approval.decision()).isEqualTo(Decision.APPROVE);
    assertThat(approval.decidedBy()).isEqualTo("admin@herald.test");
    assertThat(approval.decidedByKey()).isEqualTo(TestNotifications.APPROVER_KEY);
    assertThat(log.calls).doesNotContain("releasePending");
    assertThat(workflow.progress().approval()).isEqualTo(approval);
    assertThat(log.statuses).containsExactly(NotificationStatus.ACCEPTED, NotificationStatus.PENDING_APPROVAL,
        NotificationStatus.SENDING, NotificationStatus.COMPLETED);
  }

  @Test
  void onlyTheFirstApprovalDecisionCounts() {
    NotificationSpec spec = withApprovalThreshold(emailTo("first-decision", "ada@example.com", "bob@example.com"), 1);
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    workflow.decide(decision(Decision.REJECT, "too broad"));
    workflow.decide(decision(Decision.APPROVE, null));
    NotificationResult result = resultOf(workflow);

    assertThat(result.status()).isEqualTo(NotificationStatus.REJECTED);
    // at least once: the second signal may arrive while the task that recorded the first completes;
    // the server then fails that task and its local activity runs again (the same idempotent write)
    assertThat(log.approvals).isNotEmpty().allSatisfy(taken -> {
      assertThat(taken.decision()).isEqualTo(Decision.REJECT);
      assertThat(taken.comment()).isEqualTo("too broad");
    });
    assertThat(log.sent).isEmpty();
  }

  @Test
  void rejectReleasesPendingDeliveries() {
    NotificationSpec spec = withApprovalThreshold(emailTo("reject", "ada@example.com", "bob@example.com"), 1);
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    awaitStatusRecorded(NotificationStatus.PENDING_APPROVAL);
    workflow.decide(decision(Decision.REJECT, "too broad"));
    NotificationResult result = resultOf(workflow);

    String reason = "rejected by admin@herald.test: too broad";
    assertThat(result).isEqualTo(new NotificationResult(spec.id(), NotificationStatus.REJECTED, 0, 0, 0, 0, 2, reason));
    assertThat(log.sent).isEmpty();
    assertThat(log.statusesOf(Channel.EMAIL)).containsOnly(DeliveryStatus.CANCELLED);
    assertThat(log.details).endsWith(reason);
  }

  @Test
  void approvalTimeoutExpiresTheNotification() {
    NotificationSpec spec = withApprovalThreshold(emailTo("expire", "ada@example.com", "bob@example.com"), 1);
    long startedAt = testEnv.currentTimeMillis();

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.EXPIRED);
    assertThat(result.detail()).isEqualTo("no approval decision within " + TestNotifications.APPROVAL_TIMEOUT);
    assertThat(Duration.ofMillis(testEnv.currentTimeMillis() - startedAt))
        .isGreaterThanOrEqualTo(TestNotifications.APPROVAL_TIMEOUT);
    assertThat(log.sent).isEmpty();
    assertThat(log.approvals).isEmpty();
    assertThat(log.statusesOf(Channel.EMAIL)).containsOnly(DeliveryStatus.CANCELLED);
  }

  @Test
  void sendAtWaitsForDurableTimer() {
    Instant sendAt = Instant.ofEpochMilli(testEnv.currentTimeMillis()).plus(Duration.ofHours(2));
    NotificationSpec spec = withSendAt(emailTo("scheduled", "ada@example.com"), sendAt);
    AtomicLong sentAtMillis = new AtomicLong();
    smtp = message -> {
      sentAtMillis.set(testEnv.currentTimeMillis());
      return "smtp-1";
    };
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    awaitStatusRecorded(NotificationStatus.SCHEDULED);
    testEnv.sleep(Duration.ofHours(1));

    assertThat(workflow.progress().status()).isEqualTo(NotificationStatus.SCHEDULED);
    assertThat(workflow.progress().statusDetail()).isEqualTo("until " + sendAt);
    assertThat(log.sent).isEmpty();

    NotificationResult result = resultOf(workflow);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(log.sent).hasSize(1);
    assertThat(Instant.ofEpochMilli(sentAtMillis.get())).isAfterOrEqualTo(sendAt);
    assertThat(log.statuses).containsExactly(NotificationStatus.ACCEPTED, NotificationStatus.SCHEDULED,
        NotificationStatus.SENDING, NotificationStatus.COMPLETED);
  }

  @Test
  void sendAtInThePastSendsImmediately() {
    Instant sendAt = Instant.ofEpochMilli(testEnv.currentTimeMillis()).minus(Duration.ofMinutes(5));
    NotificationSpec spec = withSendAt(emailTo("past-send-at", "ada@example.com"), sendAt);

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(log.statuses).containsExactly(NotificationStatus.ACCEPTED, NotificationStatus.SENDING,
        NotificationStatus.COMPLETED);
  }

  @Test
  void transientFailureIsRetriedThenSucceedsWithTheSameDeliveryId() {
    NotificationSpec spec = emailTo("transient", "ada@example.com");
    AtomicInteger attempts = new AtomicInteger();
    smtp = message -> {
      int attempt = attempts.incrementAndGet();
      if (attempt < 3) {
        throw providerUnavailable(attempt);
      }
      return "smtp-3";
    };

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result).isEqualTo(new NotificationResult(spec.id(), NotificationStatus.COMPLETED, 1, 0, 0, 0, 0, null));
    assertThat(attempts).hasValue(3);
    FakeDeliveryLog.Row row = log.row(spec.id() + "/email/0");
    assertThat(row.status).isEqualTo(DeliveryStatus.SENT);
    assertThat(row.attempts).isEqualTo(3);
    assertThat(row.providerMessageId).isEqualTo("smtp-3");
  }

  @Test
  void permanentFailureIsNotRetried() {
    NotificationSpec spec = emailTo("permanent", "nobody@example.invalid");
    AtomicInteger attempts = new AtomicInteger();
    smtp = message -> {
      attempts.incrementAndGet();
      throw invalidAddress(message.address());
    };

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result).isEqualTo(new NotificationResult(spec.id(), NotificationStatus.FAILED, 0, 0, 1, 0, 0, null));
    assertThat(attempts).hasValue(1);
    assertThat(log.row(spec.id() + "/email/0").errorCode).isEqualTo("550");
  }

  @Test
  void onePermanentFailureAmongTwoRecipientsIsPartiallyFailed() {
    NotificationSpec spec = emailTo("partial", "ada@example.com", "nobody@example.invalid");
    smtp = message -> {
      if (message.address().equals("nobody@example.invalid")) {
        throw invalidAddress(message.address());
      }
      return "smtp-1";
    };

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result).isEqualTo(new NotificationResult(spec.id(), NotificationStatus.PARTIALLY_FAILED, 1, 0, 1, 0, 0, null));
    assertThat(log.row(spec.id() + "/email/0").status).isEqualTo(DeliveryStatus.SENT);
    assertThat(log.row(spec.id() + "/email/1").status).isEqualTo(DeliveryStatus.FAILED);
  }

  @Test
  void cancelWhileWaitingForApprovalReleasesEverything() {
    NotificationSpec spec = withApprovalThreshold(emailTo("cancel", "ada@example.com", "bob@example.com"), 1);
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    awaitStatusRecorded(NotificationStatus.PENDING_APPROVAL);
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    stub.cancel();

    assertThatThrownBy(() -> stub.getResult(NotificationResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(log.statusesOf(Channel.EMAIL)).containsOnly(DeliveryStatus.CANCELLED);
    assertThat(log.statuses).endsWith(NotificationStatus.CANCELLED);
    assertThat(log.details).endsWith("cancelled by request");
    assertThat(log.sent).isEmpty();
  }

  @Test
  void cancelWhileTheAudienceIsBeingRecordedLeavesNothingPendingOrUnrecorded() throws InterruptedException {
    NotificationSpec spec = emailTo("cancel-recording", "ada@example.com", "bob@example.com");
    log.audienceWrites = new CountDownLatch(1);
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    assertThat(log.audienceAsked.await(5, TimeUnit.SECONDS)).isTrue();
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    stub.cancel(); // returns once the server holds the request, buffered behind the held workflow task
    log.audienceWrites.countDown();
    // a list's audience is written inside the workflow task that sends it: the cancel comes after the sends
    // or before them, never before the notification is in the log
    await().atMost(Duration.ofSeconds(10)).until(() -> log.statuses.size() > 1);

    assertThat(log.calls).as("the audience recorded before anything is released or finished")
        .startsWith("recordAudience");
    assertThat(log.statusesOf(Channel.EMAIL)).doesNotContain(DeliveryStatus.PENDING);
    assertThat(log.statuses.get(log.statuses.size() - 1)).isIn(NotificationStatus.CANCELLED, NotificationStatus.COMPLETED);
  }

  @Test
  void cancelWhileScheduledReleasesEverything() {
    Instant sendAt = Instant.ofEpochMilli(testEnv.currentTimeMillis()).plus(Duration.ofDays(3));
    NotificationSpec spec = withSendAt(emailTo("cancel-scheduled", "ada@example.com"), sendAt);
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    awaitStatusRecorded(NotificationStatus.SCHEDULED);
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    stub.cancel();

    assertThatThrownBy(() -> stub.getResult(NotificationResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(log.statusesOf(Channel.EMAIL)).containsOnly(DeliveryStatus.CANCELLED);
    assertThat(log.statuses).endsWith(NotificationStatus.CANCELLED);
    assertThat(log.sent).isEmpty();
  }

  @Test
  void cancelWhileSendingRecordsTheInFlightSendAndCancelsTheRest() {
    NotificationSpec spec = emailTo("cancel-sending", "ada@example.com");
    CountDownLatch atProvider = new CountDownLatch(1);
    smtp = message -> {
      atProvider.countDown();
      try {
        providerAnswers.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "smtp-late";
    };
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    await().atMost(Duration.ofSeconds(5)).until(() -> atProvider.getCount() == 0);
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    stub.cancel();
    await().atMost(Duration.ofSeconds(5)).until(() -> log.calls.contains("releasePending"));
    providerAnswers.countDown();

    assertThatThrownBy(() -> stub.getResult(NotificationResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    FakeDeliveryLog.Row inFlight = log.row(spec.id() + "/email/0");
    assertThat(inFlight.status).as("sent after the release, recorded all the same").isEqualTo(DeliveryStatus.SENT);
    assertThat(inFlight.providerMessageId).isEqualTo("smtp-late");
    assertThat(log.statuses).endsWith(NotificationStatus.CANCELLED).doesNotContain(NotificationStatus.FAILED);
  }

  @Test
  void duplicateAddressesAreSentOnce() {
    NotificationSpec spec = emailTo("duplicates", "Ada@Example.com", "bob@example.com", "ada@example.com");

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.sent()).isEqualTo(2);
    assertThat(log.sent).extracting(PlannedDelivery::address).containsExactlyInAnyOrder("Ada@Example.com", "bob@example.com");
  }

  @Test
  void recipientsWithoutAddressFailWithoutSending() {
    NotificationSpec spec = emailTo("no-address", (String) null);

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(result.detail()).isEqualTo("no recipient has an address for the requested channels");
    assertThat(log.calls).containsExactly("recordAudience", "recordStatus");
    assertThat(log.sent).isEmpty();
  }

  private NotificationWorkflow newWorkflow(NotificationSpec spec) {
    return client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec));
  }

  private static NotificationResult resultOf(NotificationWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class);
  }

  private static ApprovalSignal decision(Decision decision, String comment) {
    return ApprovalSignal.of(decision, comment, "admin@herald.test", TestNotifications.APPROVER_KEY);
  }

  /** Blocks until the workflow has recorded {@code status}, i.e. it has reached that point. */
  private void awaitStatusRecorded(NotificationStatus status) {
    await().atMost(Duration.ofSeconds(5)).until(() -> log.statuses.contains(status));
  }

  private static String statusAtStart(List<HistoryEvent> events) {
    return events.get(0).getWorkflowExecutionStartedEventAttributes().getSearchAttributes()
        .getIndexedFieldsOrThrow(HeraldSearchAttributes.STATUS.getName()).getData().toStringUtf8();
  }

  private static List<String> statusUpdates(List<HistoryEvent> events) {
    return events.stream().filter(HistoryEvent::hasUpsertWorkflowSearchAttributesEventAttributes)
        .map(event -> event.getUpsertWorkflowSearchAttributesEventAttributes().getSearchAttributes()
            .getIndexedFieldsOrThrow(HeraldSearchAttributes.STATUS.getName()).getData().toStringUtf8())
        .toList();
  }
}
