package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static dev.herald.workflows.notification.TestNotifications.invalidAddress;
import static dev.herald.workflows.notification.TestNotifications.optionsFor;
import static dev.herald.workflows.notification.TestNotifications.providerUnavailable;
import static dev.herald.workflows.notification.TestNotifications.withApprovalThreshold;
import static dev.herald.workflows.notification.TestNotifications.withSendAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.OutgoingMessage;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.DeliveryOutcome;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.PlannedDelivery;
import dev.herald.workflows.messages.ProviderReceipt;
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
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class NotificationWorkflowTest {

  /** How long to wait for the worker to reach a point the test observes: a bound, never a sleep. */
  private static final long REACHED_MS = 5_000;

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final ChannelActivities email = mock(ChannelActivities.class, withSettings().withoutAnnotations());
  private final DeliveryLogActivities deliveryLog = mock(DeliveryLogActivities.class, withSettings().withoutAnnotations());
  /** Holds back a send that must still be in flight when the test cancels. */
  private final CountDownLatch providerAnswers = new CountDownLatch(1);
  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.testEnv = testEnv;
    this.client = client;
    TestNotifications.startWorkers(testEnv, email, deliveryLog);
  }

  @Test
  void sendsEachRecipientOnceAndCompletes() {
    NotificationSpec spec = emailTo("no-approval", "ada@example.com", "bob@example.com");
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result).isEqualTo(new NotificationResult(spec.id(), NotificationStatus.COMPLETED, 2, 0, 0, 0, 0, null));
    assertThat(sentAddresses(2)).containsExactlyInAnyOrder("ada@example.com", "bob@example.com");
    verify(deliveryLog).recordAcceptedSending(spec, List.of(
        new PlannedDelivery(spec.id() + "/email/0", spec.id(), Channel.EMAIL, "ada@example.com", 0),
        new PlannedDelivery(spec.id() + "/email/1", spec.id(), Channel.EMAIL, "bob@example.com", 1)));
    verify(deliveryLog, never()).recordStatus(any(), eq(NotificationStatus.PENDING_APPROVAL), any());
    verify(deliveryLog).recordStatus(spec.id(), NotificationStatus.COMPLETED, null);
    verify(deliveryLog, never()).releasePending(any(), any());
  }

  @Test
  void aSingleSendWritesTheLogOnceToStartAndOnceToEnd() {
    NotificationSpec spec = emailTo("at-once", "ada@example.com");
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    newWorkflow(spec).send(spec);

    verify(deliveryLog).recordAcceptedSending(eq(spec), any());
    verify(deliveryLog).recordFinished(spec.id(), NotificationStatus.COMPLETED, null,
        new DeliveryOutcome(spec.id() + "/email/0", DeliveryStatus.SENT, 1, "smtp-1", null, null));
    verifyNoMoreInteractions(deliveryLog);
  }

  @Test
  void aSingleSendStartedAsSendingUpdatesItsStatusAttributeOnlyToTheFinalStatus() {
    NotificationSpec spec = emailTo("started-sending", "ada@example.com");
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    newWorkflow(spec).send(spec);

    List<HistoryEvent> events = client.fetchHistory(spec.id()).getEvents();
    assertThat(statusAtStart(events)).isEqualTo("\"SENDING\"");
    assertThat(statusUpdates(events)).containsExactly("\"COMPLETED\"");
  }

  @Test
  void aSingleSendStartedAsAcceptedStillShowsSendingFirst() {
    NotificationSpec spec = emailTo("started-accepted", "ada@example.com");
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));
    WorkflowOptions startedAsBefore = WorkflowOptions.newBuilder(optionsFor(spec))
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(HeraldSearchAttributes.STATUS, NotificationStatus.ACCEPTED.name()).build())
        .build();

    client.newWorkflowStub(NotificationWorkflow.class, startedAsBefore).send(spec);

    assertThat(statusUpdates(client.fetchHistory(spec.id()).getEvents())).containsExactly("\"SENDING\"", "\"COMPLETED\"");
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

  @Test
  void aSingleSendCostsTwoWorkflowTasksAndOneActivityLikeABareWorkflow() {
    NotificationSpec spec = emailTo("single-send-cost", "ada@example.com");
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    newWorkflow(spec).send(spec);

    List<EventType> events = client.fetchHistory(spec.id()).getEvents().stream().map(HistoryEvent::getEventType).toList();
    assertThat(events).filteredOn(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED::equals).hasSize(2);
    assertThat(events).filteredOn(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED::equals).hasSize(1);
    verify(deliveryLog).recordFinished(eq(spec.id()), eq(NotificationStatus.COMPLETED), any(),
        argThat(outcome -> outcome.status() == DeliveryStatus.SENT));
  }

  @Test
  void approveWaitsForSignalThenSends() {
    NotificationSpec spec = withApprovalThreshold(emailTo("approve", "ada@example.com", "bob@example.com"), 1);
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    awaitStatusRecorded(spec, NotificationStatus.PENDING_APPROVAL);

    assertThat(workflow.progress().status()).isEqualTo(NotificationStatus.PENDING_APPROVAL);
    assertThat(workflow.progress().pending()).isEqualTo(2);
    verify(email, never()).send(any());

    ApprovalDecision approval = decision(Decision.APPROVE, null);
    workflow.decide(approval);
    NotificationResult result = resultOf(workflow);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.sent()).isEqualTo(2);
    assertThat(sentAddresses(2)).containsExactlyInAnyOrder("ada@example.com", "bob@example.com");
    verify(deliveryLog).recordApproval(spec.id(), approval);
    verify(deliveryLog, never()).releasePending(any(), any());
    assertThat(workflow.progress().approval()).isEqualTo(approval);
    verify(deliveryLog).recordAccepted(eq(spec), any());
    verify(deliveryLog).recordStatus(spec.id(), NotificationStatus.SENDING, null);
  }

  @Test
  void onlyTheFirstApprovalDecisionCounts() {
    NotificationSpec spec = withApprovalThreshold(emailTo("first-decision", "ada@example.com", "bob@example.com"), 1);
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    ApprovalDecision rejection = decision(Decision.REJECT, "too broad");
    workflow.decide(rejection);
    workflow.decide(decision(Decision.APPROVE, null));
    NotificationResult result = resultOf(workflow);

    assertThat(result.status()).isEqualTo(NotificationStatus.REJECTED);
    // at least once: the second signal may arrive while the task that recorded the first completes;
    // the server then fails that task and its local activity runs again (the same idempotent write)
    verify(deliveryLog, atLeastOnce()).recordApproval(spec.id(), rejection);
    verify(deliveryLog, never()).recordApproval(eq(spec.id()), argThat(d -> d.decision() == Decision.APPROVE));
    verify(email, never()).send(any());
  }

  @Test
  void rejectReleasesPendingDeliveries() {
    NotificationSpec spec = withApprovalThreshold(emailTo("reject", "ada@example.com", "bob@example.com"), 1);
    when(deliveryLog.releasePending(eq(spec.id()), anyString())).thenReturn(2);
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    awaitStatusRecorded(spec, NotificationStatus.PENDING_APPROVAL);
    ApprovalDecision rejection = decision(Decision.REJECT, "too broad");
    workflow.decide(rejection);
    NotificationResult result = resultOf(workflow);

    String reason = "rejected by admin@herald.test: too broad";
    assertThat(result).isEqualTo(new NotificationResult(spec.id(), NotificationStatus.REJECTED, 0, 0, 0, 0, 2, reason));
    verify(email, never()).send(any());
    verify(deliveryLog).recordApproval(spec.id(), rejection);
    verify(deliveryLog).releasePending(spec.id(), reason);
    verify(deliveryLog).recordStatus(spec.id(), NotificationStatus.REJECTED, reason);
  }

  @Test
  void approvalTimeoutExpiresBroadcast() {
    NotificationSpec spec = withApprovalThreshold(emailTo("expire", "ada@example.com", "bob@example.com"), 1);
    long startedAt = testEnv.currentTimeMillis();

    NotificationResult result = newWorkflow(spec).send(spec);

    String reason = "no approval decision within " + TestNotifications.APPROVAL_TIMEOUT;
    assertThat(result.status()).isEqualTo(NotificationStatus.EXPIRED);
    assertThat(result.detail()).isEqualTo(reason);
    assertThat(Duration.ofMillis(testEnv.currentTimeMillis() - startedAt))
        .isGreaterThanOrEqualTo(TestNotifications.APPROVAL_TIMEOUT);
    verify(email, never()).send(any());
    verify(deliveryLog, never()).recordApproval(any(), any());
    verify(deliveryLog).releasePending(spec.id(), reason);
    verify(deliveryLog).recordStatus(spec.id(), NotificationStatus.EXPIRED, reason);
  }

  @Test
  void sendAtWaitsForDurableTimer() {
    Instant sendAt = Instant.ofEpochMilli(testEnv.currentTimeMillis()).plus(Duration.ofHours(2));
    NotificationSpec spec = withSendAt(emailTo("scheduled", "ada@example.com"), sendAt);
    AtomicLong sentAtMillis = new AtomicLong();
    when(email.send(any())).thenAnswer(invocation -> {
      sentAtMillis.set(testEnv.currentTimeMillis());
      return new ProviderReceipt("smtp-1", 1);
    });
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    awaitStatusRecorded(spec, NotificationStatus.SCHEDULED);
    testEnv.sleep(Duration.ofHours(1));

    assertThat(workflow.progress().status()).isEqualTo(NotificationStatus.SCHEDULED);
    assertThat(workflow.progress().statusDetail()).isEqualTo("until " + sendAt);
    verify(email, never()).send(any());

    NotificationResult result = resultOf(workflow);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    verify(email, times(1)).send(any());
    assertThat(Instant.ofEpochMilli(sentAtMillis.get())).isAfterOrEqualTo(sendAt);
    verify(deliveryLog).recordAccepted(eq(spec), any());
    verify(deliveryLog).recordStatus(spec.id(), NotificationStatus.SENDING, null);
  }

  @Test
  void sendAtInThePastSendsImmediately() {
    Instant sendAt = Instant.ofEpochMilli(testEnv.currentTimeMillis()).minus(Duration.ofMinutes(5));
    NotificationSpec spec = withSendAt(emailTo("past-send-at", "ada@example.com"), sendAt);
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    verify(deliveryLog, never()).recordStatus(any(), eq(NotificationStatus.SCHEDULED), any());
    verify(email).send(any());
    verify(deliveryLog).recordAcceptedSending(eq(spec), any());
  }

  @Test
  void transientFailureIsRetriedThenSucceeds() {
    NotificationSpec spec = emailTo("transient", "ada@example.com");
    when(email.send(any()))
        .thenThrow(providerUnavailable(1), providerUnavailable(2))
        .thenReturn(new ProviderReceipt("smtp-3", 3));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result).isEqualTo(new NotificationResult(spec.id(), NotificationStatus.COMPLETED, 1, 0, 0, 0, 0, null));
    ArgumentCaptor<OutgoingMessage> attempts = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(email, times(3)).send(attempts.capture());
    // Every retry carries the same delivery id, which the sender uses as Message-ID.
    assertThat(attempts.getAllValues()).extracting(OutgoingMessage::deliveryId).containsOnly(spec.id() + "/email/0");
    verify(deliveryLog).recordFinished(spec.id(), NotificationStatus.COMPLETED, null,
        new DeliveryOutcome(spec.id() + "/email/0", DeliveryStatus.SENT, 3, "smtp-3", null, null));
  }

  @Test
  void permanentFailureIsNotRetried() {
    NotificationSpec spec = emailTo("permanent", "nobody@example.invalid");
    when(email.send(any())).thenThrow(invalidAddress("nobody@example.invalid"));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result).isEqualTo(new NotificationResult(spec.id(), NotificationStatus.FAILED, 0, 0, 1, 0, 0, null));
    verify(email, times(1)).send(any());
    verify(deliveryLog).recordFinished(spec.id(), NotificationStatus.FAILED, null, new DeliveryOutcome(
        spec.id() + "/email/0", DeliveryStatus.FAILED, 1, null, "550", "5.1.1 mailbox unavailable"));
  }

  @Test
  void onePermanentFailureAmongTwoRecipientsIsPartiallyFailed() {
    NotificationSpec spec = emailTo("partial", "ada@example.com", "nobody@example.invalid");
    when(email.send(argThat(message -> message != null && message.address().equals("ada@example.com"))))
        .thenReturn(new ProviderReceipt("smtp-1", 1));
    when(email.send(argThat(message -> message != null && message.address().equals("nobody@example.invalid"))))
        .thenThrow(invalidAddress("nobody@example.invalid"));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result).isEqualTo(new NotificationResult(spec.id(), NotificationStatus.PARTIALLY_FAILED, 1, 0, 1, 0, 0, null));
    verify(email, times(2)).send(any());
    verify(deliveryLog).recordDelivery(new DeliveryOutcome(spec.id() + "/email/0", DeliveryStatus.SENT, 1, "smtp-1", null, null));
    verify(deliveryLog).recordDelivery(new DeliveryOutcome(
        spec.id() + "/email/1", DeliveryStatus.FAILED, 1, null, "550", "5.1.1 mailbox unavailable"));
  }

  @Test
  void cancelRunsCompensation() {
    NotificationSpec spec = withApprovalThreshold(emailTo("cancel", "ada@example.com", "bob@example.com"), 1);
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    awaitStatusRecorded(spec, NotificationStatus.PENDING_APPROVAL);
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    stub.cancel();

    assertThatThrownBy(() -> stub.getResult(NotificationResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    verify(deliveryLog).releasePending(spec.id(), "cancelled by request");
    verify(deliveryLog).recordStatus(spec.id(), NotificationStatus.CANCELLED, "cancelled by request");
    verify(email, never()).send(any());
  }

  @Test
  void cancelWhileScheduledRunsCompensation() {
    Instant sendAt = Instant.ofEpochMilli(testEnv.currentTimeMillis()).plus(Duration.ofDays(3));
    NotificationSpec spec = withSendAt(emailTo("cancel-scheduled", "ada@example.com"), sendAt);
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    awaitStatusRecorded(spec, NotificationStatus.SCHEDULED);
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    stub.cancel();

    assertThatThrownBy(() -> stub.getResult(NotificationResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    verify(deliveryLog).releasePending(spec.id(), "cancelled by request");
    verify(deliveryLog).recordStatus(spec.id(), NotificationStatus.CANCELLED, "cancelled by request");
    verify(email, never()).send(any());
  }

  @Test
  void cancelWhileSendingRecordsTheInFlightSendAndCancelsTheRest() {
    NotificationSpec spec = emailTo("cancel-sending", "ada@example.com");
    when(email.send(any())).thenAnswer(invocation -> {
      providerAnswers.await();
      return new ProviderReceipt("smtp-late", 1);
    });
    NotificationWorkflow workflow = newWorkflow(spec);

    WorkflowClient.start(workflow::send, spec);
    verify(email, timeout(REACHED_MS)).send(any());
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    stub.cancel();
    providerAnswers.countDown();

    assertThatThrownBy(() -> stub.getResult(NotificationResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    ArgumentCaptor<DeliveryOutcome> recorded = ArgumentCaptor.forClass(DeliveryOutcome.class);
    verify(deliveryLog).recordDelivery(recorded.capture());
    assertThat(recorded.getValue().status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(recorded.getValue().providerMessageId()).isEqualTo("smtp-late");
    // the sent delivery is in the log before the release, which would otherwise cancel it as pending
    InOrder order = inOrder(deliveryLog);
    order.verify(deliveryLog).recordDelivery(any());
    order.verify(deliveryLog).releasePending(spec.id(), "cancelled by request");
    verify(deliveryLog).recordStatus(spec.id(), NotificationStatus.CANCELLED, "cancelled by request");
    verify(deliveryLog, never()).recordStatus(any(), eq(NotificationStatus.FAILED), any());
  }

  @Test
  void duplicateAddressesAreSentOnce() {
    NotificationSpec spec = emailTo("duplicates", "Ada@Example.com", "bob@example.com", "ada@example.com");
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.sent()).isEqualTo(2);
    assertThat(sentAddresses(2)).containsExactlyInAnyOrder("Ada@Example.com", "bob@example.com");
  }

  @Test
  void recipientsWithoutAddressFailWithoutSending() {
    NotificationSpec spec = emailTo("no-address", (String) null);

    NotificationResult result = newWorkflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(result.detail()).isEqualTo("no recipient has an address for the requested channels");
    verify(deliveryLog).recordAccepted(spec, List.of());
    verify(email, never()).send(any());
  }

  @AfterEach
  void releaseHeldSends() {
    providerAnswers.countDown();
  }

  private NotificationWorkflow newWorkflow(NotificationSpec spec) {
    return client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec));
  }

  private static NotificationResult resultOf(NotificationWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class);
  }

  private ApprovalDecision decision(Decision decision, String comment) {
    return new ApprovalDecision(decision, comment, "admin@herald.test", Instant.ofEpochMilli(testEnv.currentTimeMillis()));
  }

  /** Blocks until the workflow has recorded {@code status}, i.e. it has reached that point. */
  private void awaitStatusRecorded(NotificationSpec spec, NotificationStatus status) {
    verify(deliveryLog, timeout(REACHED_MS)).recordStatus(eq(spec.id()), eq(status), any());
  }

  private List<String> sentAddresses(int expectedSends) {
    ArgumentCaptor<OutgoingMessage> sent = ArgumentCaptor.forClass(OutgoingMessage.class);
    verify(email, times(expectedSends)).send(sent.capture());
    return sent.getAllValues().stream().map(OutgoingMessage::address).toList();
  }
}
