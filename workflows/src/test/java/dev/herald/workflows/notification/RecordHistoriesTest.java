package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static dev.herald.workflows.notification.TestNotifications.invalidAddress;
import static dev.herald.workflows.notification.TestNotifications.optionsFor;
import static dev.herald.workflows.notification.TestNotifications.withApprovalThreshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.DigestRule;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.TemplateRef;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Records the histories of notifications to lists that {@link NotificationReplayTest} replays (the
 * group ones are recorded by {@link BroadcastWorkflowTest}, a digest's by {@code DigestWorkflowTest}).
 * Skipped in a normal build.
 *
 * <p>Re-record after an intentional, versioned change of the workflow (never to make a replay
 * failure go away: a failing replay means running workflows would break):
 *
 * <pre>
 * mvn -B -o -q -pl workflows test -Dtest='RecordHistoriesTest,BroadcastWorkflowTest#record*,DigestWorkflowTest#record*' \
 *     -Dherald.recordHistories=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It overwrites {@code workflows/src/test/resources/histories/*.json}: before recording a versioned
 * change, move the current ones into a folder named after the version they belong to, so the replay
 * test keeps checking workflows still running on it (docs/workflows.md). Commit both with the change.
 */
@EnabledIfSystemProperty(named = "herald.recordHistories", matches = "true")
class RecordHistoriesTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories");

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final FakeDeliveryLog log = new FakeDeliveryLog();
  private volatile FakeDeliveryLog.Provider smtp = message -> "smtp-1";
  private final CountDownLatch providerAnswers = new CountDownLatch(1);
  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.testEnv = testEnv;
    this.client = client;
    testEnv.newWorker(Channels.of(Channel.SMS).taskQueue())
        .registerActivitiesImplementations(log.channel(Channel.SMS, message -> "SM1"));
    testEnv.newWorker(Channels.of(Channel.IN_APP).taskQueue())
        .registerActivitiesImplementations(log.channel(Channel.IN_APP, message -> {
          testEnv.registerDelayedCallback(Duration.ofMinutes(40), () -> log.acknowledge(message.id()));
          return "inbox-1";
        }));
    TestNotifications.startWorkers(testEnv, log.channel(Channel.EMAIL, message -> smtp.send(message)), log,
        new FakeDigests(log, testEnv::currentTimeMillis));
  }

  @AfterEach
  void releaseHeldSends() {
    providerAnswers.countDown();
  }

  @Test
  void recordCompleted() throws IOException {
    NotificationSpec spec = emailTo("recorded-completed", "ada@example.com", "bob@example.com");

    assertThat(workflow(spec).send(spec).status()).isEqualTo(NotificationStatus.COMPLETED);
    save(spec, "notification-completed.json");
  }

  @Test
  void recordQuietHoursHeld() throws IOException {
    log.quietUntil("night@example.com", Instant.ofEpochMilli(testEnv.currentTimeMillis()).plus(Duration.ofHours(9)));
    NotificationSpec spec = emailTo("recorded-quiet-hours", "day@example.com", "night@example.com");

    assertThat(workflow(spec).send(spec).status()).isEqualTo(NotificationStatus.COMPLETED);
    save(spec, "notification-quiet-hours.json");
  }

  @Test
  void recordEscalationStoppedByARead() throws IOException {
    NotificationSpec spec = TestNotifications.escalating("recorded-escalation",
        java.util.List.of(Duration.ofMinutes(30), Duration.ofHours(2)));

    assertThat(workflow(spec).send(spec).status()).isEqualTo(NotificationStatus.COMPLETED);
    save(spec, "notification-escalation.json");
  }

  @Test
  void recordSingleSend() throws IOException {
    NotificationSpec spec = emailTo("recorded-single", "ada@example.com");

    assertThat(workflow(spec).send(spec).status()).isEqualTo(NotificationStatus.COMPLETED);
    save(spec, "notification-single.json");
  }

  @Test
  void recordSingleSendCancelledWhileSending() throws IOException {
    NotificationSpec spec = emailTo("recorded-single-cancelled", "ada@example.com");
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
    NotificationWorkflow workflow = workflow(spec);

    WorkflowClient.start(workflow::send, spec);
    await().atMost(Duration.ofSeconds(5)).until(() -> atProvider.getCount() == 0);
    WorkflowStub.fromTyped(workflow).cancel();
    await().atMost(Duration.ofSeconds(5)).until(() -> log.calls.contains("releasePending"));
    providerAnswers.countDown();

    assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class))
        .isInstanceOf(WorkflowFailedException.class);
    save(spec, "notification-single-cancelled.json");
  }

  @Test
  void recordApproved() throws IOException {
    NotificationSpec spec = withApprovalThreshold(emailTo("recorded-approved", "ada@example.com", "bob@example.com"), 1);
    NotificationWorkflow workflow = workflow(spec);

    WorkflowClient.start(workflow::send, spec);
    await().atMost(Duration.ofSeconds(5)).until(() -> log.statuses.contains(NotificationStatus.PENDING_APPROVAL));
    workflow.decide(ApprovalSignal.of(Decision.APPROVE, "looks right", "admin@herald.test",
        TestNotifications.APPROVER_KEY));

    assertThat(WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class).status())
        .isEqualTo(NotificationStatus.COMPLETED);
    save(spec, "notification-approved.json");
  }

  @Test
  void recordApprovalRefusedThenApproved() throws IOException {
    NotificationSpec spec = withApprovalThreshold(emailTo("recorded-refused", "ada@example.com", "bob@example.com"), 1);
    NotificationWorkflow workflow = workflow(spec);

    WorkflowClient.start(workflow::send, spec);
    await().atMost(Duration.ofSeconds(5)).until(() -> log.statuses.contains(NotificationStatus.PENDING_APPROVAL));
    workflow.decide(new ApprovalSignal("APPROVE", "my own", spec.sender(), TestNotifications.REQUESTER_KEY));
    await().atMost(Duration.ofSeconds(5)).until(() -> workflow.progress().statusDetail().contains("four-eyes"));
    workflow.decide(new ApprovalSignal("approve", null, "ops-alice", null));

    assertThat(WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class).status())
        .isEqualTo(NotificationStatus.COMPLETED);
    save(spec, "notification-approval-refused.json");
  }

  @Test
  void recordPartiallyFailed() throws IOException {
    NotificationSpec spec = emailTo("recorded-partially-failed", "ada@example.com", "nobody@example.invalid");
    smtp = message -> {
      if (message.address().equals("nobody@example.invalid")) {
        throw invalidAddress(message.address());
      }
      return "smtp-1";
    };

    assertThat(workflow(spec).send(spec).status()).isEqualTo(NotificationStatus.PARTIALLY_FAILED);
    save(spec, "notification-partially-failed.json");
  }

  @Test
  void recordFallbackWithReceipt() throws IOException {
    NotificationSpec spec = TestNotifications.smsThenEmail("recorded-fallback-receipt", Duration.ofMinutes(10));
    NotificationWorkflow workflow = workflow(spec);

    WorkflowClient.start(workflow::send, spec);
    await().atMost(Duration.ofSeconds(5)).until(() -> log.row(spec.id() + "/email/0") != null
        && log.row(spec.id() + "/email/0").status == DeliveryStatus.SKIPPED);
    log.recordReceipt(new DeliveryReceipt(spec.id() + "/sms/0", "SM1", DeliveryStatus.DELIVERED, "delivered", null));

    assertThat(WorkflowStub.fromTyped(workflow).getResult(NotificationResult.class).delivered()).isEqualTo(1);
    save(spec, "notification-fallback-receipt.json");
  }

  @Test
  void recordTemplated() throws IOException {
    NotificationSpec base = emailTo("recorded-templated", "ada@example.com", "bob@example.com");
    NotificationSpec spec = new NotificationSpec(base.id(), base.idempotencyKey(), base.sender(), base.channels(),
        base.recipients(), null, base.priority(), null, base.approval(), base.acceptedAt(), base.requestHash(), null,
        null, new TemplateRef("order-shipped", 1, Map.of("order", Map.of("id", 42))), null, null, null, null);

    assertThat(workflow(spec).send(spec).status()).isEqualTo(NotificationStatus.COMPLETED);
    save(spec, "notification-templated.json");
  }

  @Test
  void recordContentByKey() throws IOException {
    NotificationSpec spec = TestNotifications.byKey(emailTo("recorded-by-key", "ada@example.com"));

    assertThat(workflow(spec).send(spec).status()).isEqualTo(NotificationStatus.COMPLETED);
    save(spec, "notification-content-by-key.json");
  }

  @Test
  void recordDigested() throws IOException {
    NotificationSpec spec = TestNotifications.digested(emailTo("recorded-digested", "ada@example.com"),
        new DigestRule("replies", Duration.ofMinutes(10), null));

    assertThat(workflow(spec).send(spec).status()).isEqualTo(NotificationStatus.DIGESTED);
    save(spec, "notification-digested.json");
  }

  private NotificationWorkflow workflow(NotificationSpec spec) {
    return client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec));
  }

  private void save(NotificationSpec spec, String fileName) throws IOException {
    Files.createDirectories(HISTORIES);
    Files.writeString(HISTORIES.resolve(fileName), client.fetchHistory(spec.id()).toJson(true) + "\n");
  }
}
