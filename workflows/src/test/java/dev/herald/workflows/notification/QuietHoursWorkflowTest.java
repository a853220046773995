package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static dev.herald.workflows.notification.TestNotifications.optionsFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.audience.PlannedDelivery;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deliveries held back for their recipients' quiet hours (as the batch gate holds them): the
 * notification is SCHEDULED with the reason on a durable timer, in skipped time, and sends them when
 * the window ends; a cancel meanwhile releases them.
 */
class QuietHoursWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final FakeDeliveryLog log = new FakeDeliveryLog();
  /** When (workflow time) each address was sent to. */
  private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();
  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.testEnv = testEnv;
    this.client = client;
    TestNotifications.startWorkers(testEnv, log.channel(Channel.EMAIL, message -> {
      sentAt.put(message.address(), Instant.ofEpochMilli(testEnv.currentTimeMillis()));
      return "smtp-" + message.seq();
    }), log);
  }

  @Test
  void aRecipientInItsQuietHoursWaitsScheduledUntilTheWindowEndsWhileTheOthersGoAtOnce() {
    Instant start = Instant.ofEpochMilli(testEnv.currentTimeMillis());
    Instant morning = start.plus(Duration.ofHours(7));
    log.quietUntil("night@example.com", morning);
    NotificationSpec spec = emailTo("quiet-list", "day@example.com", "night@example.com");

    NotificationResult result = client.newWorkflowStub(dev.herald.workflows.notification.NotificationWorkflow.class,
        optionsFor(spec)).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(result.sent()).isEqualTo(2);
    assertThat(log.sent).extracting(PlannedDelivery::address).containsExactly("day@example.com", "night@example.com");
    assertThat(sentAt.get("day@example.com")).isBefore(start.plus(Duration.ofMinutes(1)));
    assertThat(sentAt.get("night@example.com")).isAfterOrEqualTo(morning);
    assertThat(log.statuses).containsExactly(NotificationStatus.SENDING, NotificationStatus.SCHEDULED,
        NotificationStatus.SENDING, NotificationStatus.COMPLETED);
    assertThat(log.details).contains("quiet hours: 1 delivery waits until " + morning);
  }

  @Test
  void aCancelDuringTheQuietWaitReleasesWhatWaits() {
    log.quietUntil("night@example.com", Instant.ofEpochMilli(testEnv.currentTimeMillis()).plus(Duration.ofDays(2)));
    NotificationSpec spec = emailTo("quiet-cancel", "night@example.com");
    var workflow = client.newWorkflowStub(dev.herald.workflows.notification.NotificationWorkflow.class, optionsFor(spec));

    WorkflowClient.start(workflow::send, spec);
    await().atMost(Duration.ofSeconds(5)).until(() -> log.statuses.contains(NotificationStatus.SCHEDULED));
    WorkflowStub stub = WorkflowStub.fromTyped(workflow);
    stub.cancel();

    assertThatThrownBy(() -> stub.getResult(NotificationResult.class))
        .isInstanceOf(WorkflowFailedException.class).hasCauseInstanceOf(CanceledFailure.class);
    assertThat(log.statusesOf(Channel.EMAIL)).containsOnly(DeliveryStatus.CANCELLED);
    assertThat(log.sent).isEmpty();
  }
}
