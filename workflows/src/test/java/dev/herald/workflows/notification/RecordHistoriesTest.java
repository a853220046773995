package dev.herald.workflows.notification;

import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.RenderedMessage;
import dev.herald.workflows.messages.TemplateRef;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.template.TemplateActivities;
import java.time.Duration;

import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static dev.herald.workflows.notification.TestNotifications.invalidAddress;
import static dev.herald.workflows.notification.TestNotifications.optionsFor;
import static dev.herald.workflows.notification.TestNotifications.withApprovalThreshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.herald.workflows.delivery.DeliveryLogActivities;
import dev.herald.workflows.channel.ChannelActivities;
import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.OutgoingMessage;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.ProviderReceipt;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records the histories that {@link NotificationReplayTest} replays. Skipped in a normal build.
 *
 * <p>Re-record after an intentional, versioned change of the workflow (never to make a replay
 * failure go away: a failing replay means running workflows would break):
 *
 * <pre>
 * cd /work/main &amp;&amp; mvn -B -o -q -pl workflows test -Dtest=RecordHistoriesTest -Dherald.recordHistories=true
 * </pre>
 *
 * It overwrites {@code workflows/src/test/resources/histories/notification-*.json}: before recording
 * a versioned change, move the current ones into a folder named after the version they belong to
 * (as {@code v0-activity-log/}), so the replay test keeps checking workflows still running on it.
 * Commit both with the change.
 */
@EnabledIfSystemProperty(named = "herald.recordHistories", matches = "true")
class RecordHistoriesTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories");

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final ChannelActivities email = mock(ChannelActivities.class, withSettings().withoutAnnotations());
  private final DeliveryLogActivities deliveryLog = mock(DeliveryLogActivities.class, withSettings().withoutAnnotations());
  private final ChannelActivities sms = mock(ChannelActivities.class, withSettings().withoutAnnotations());
  private final TemplateActivities templates = mock(TemplateActivities.class, withSettings().withoutAnnotations());
  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.testEnv = testEnv;
    this.client = client;
    testEnv.newWorker(Channels.of(Channel.SMS).taskQueue()).registerActivitiesImplementations(sms);
    TestNotifications.startWorkers(testEnv, email, deliveryLog, templates);
  }

  @Test
  void recordCompleted() throws IOException {
    recordSent(emailTo("recorded-completed", "ada@example.com", "bob@example.com"), "notification-completed.json");
  }

  @Test
  void recordSingleSend() throws IOException {
    recordSent(emailTo("recorded-single", "ada@example.com"), "notification-single.json");
  }

  /** A notification whose every email is accepted at once, recorded when it completed. */
  private void recordSent(NotificationSpec spec, String fileName) throws IOException {
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    NotificationResult result = workflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    save(spec, fileName);
  }

  @Test
  void recordSingleSendCancelledWhileSending() throws IOException {
    NotificationSpec spec = emailTo("recorded-single-cancelled", "ada@example.com");
    CountDownLatch providerAnswers = new CountDownLatch(1);
    when(email.send(any())).thenAnswer(invocation -> {
      providerAnswers.await();
      return new ProviderReceipt("smtp-late", 1);
    });
    NotificationWorkflow workflow = workflow(spec);

    WorkflowClient.start(workflow::send, spec);
    verify(email, timeout(5_000)).send(any());
    WorkflowStub.fromTyped(workflow).cancel();
    providerAnswers.countDown();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class))
        .isInstanceOf(WorkflowFailedException.class);
    save(spec, "notification-single-cancelled.json");
  }

  @Test
  void recordApproved() throws IOException {
    NotificationSpec spec = withApprovalThreshold(emailTo("recorded-approved", "ada@example.com", "bob@example.com"), 1);
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));
    NotificationWorkflow workflow = workflow(spec);

    WorkflowClient.start(workflow::send, spec);
    verify(deliveryLog, timeout(5_000)).recordStatus(eq(spec.id()), eq(NotificationStatus.PENDING_APPROVAL), any());
    workflow.decide(new ApprovalDecision(Decision.APPROVE, "looks right", "admin@herald.test",
        Instant.ofEpochMilli(testEnv.currentTimeMillis())));
    NotificationResult result = WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    save(spec, "notification-approved.json");
  }

  @Test
  void recordPartiallyFailed() throws IOException {
    NotificationSpec spec = emailTo("recorded-partially-failed", "ada@example.com", "nobody@example.invalid");
    when(email.send(argThat(message -> message != null && message.address().equals("ada@example.com"))))
        .thenReturn(new ProviderReceipt("smtp-1", 1));
    when(email.send(argThat(message -> message != null && message.address().equals("nobody@example.invalid"))))
        .thenThrow(invalidAddress("nobody@example.invalid"));

    NotificationResult result = workflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.PARTIALLY_FAILED);
    save(spec, "notification-partially-failed.json");
  }

  @Test
  void recordFallbackWithReceipt() throws IOException {
    NotificationSpec spec = TestNotifications.smsThenEmail("recorded-fallback-receipt", Duration.ofMinutes(10));
    when(sms.send(any())).thenReturn(new ProviderReceipt("SM1", 1));
    NotificationWorkflow workflow = workflow(spec);

    WorkflowClient.start(workflow::send, spec);
    verify(deliveryLog, timeout(5_000)).recordDelivery(argThat(o -> o.status() == DeliveryStatus.SKIPPED));
    workflow.receipt(new DeliveryReceipt(spec.id() + "/sms/0", "SM1", DeliveryStatus.DELIVERED, "delivered", null));
    NotificationResult result = WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class);

    assertThat(result.delivered()).isEqualTo(1);
    save(spec, "notification-fallback-receipt.json");
  }

  @Test
  void recordTemplated() throws IOException {
    NotificationSpec base = emailTo("recorded-templated", "ada@example.com", "bob@example.com");
    NotificationSpec spec = new NotificationSpec(base.id(), base.idempotencyKey(), base.sender(), base.channels(),
        base.recipients(), null, base.priority(), null, base.approval(), base.acceptedAt(), base.requestHash(), null,
        null, new TemplateRef("order-shipped", 1, java.util.Map.of("order", java.util.Map.of("id", 42))), null, null);
    when(templates.renderTemplate(any(), any(), any())).thenReturn(new RenderedMessage(null, "Order 42", "text", "<p>42</p>"));
    when(email.send(any())).thenReturn(new ProviderReceipt("smtp-1", 1));

    NotificationResult result = workflow(spec).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    save(spec, "notification-templated.json");
  }

  private NotificationWorkflow workflow(NotificationSpec spec) {
    return client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec));
  }

  private void save(NotificationSpec spec, String fileName) throws IOException {
    Files.createDirectories(HISTORIES);
    Files.writeString(HISTORIES.resolve(fileName), client.fetchHistory(spec.id()).toJson(true) + "\n");
  }
}
