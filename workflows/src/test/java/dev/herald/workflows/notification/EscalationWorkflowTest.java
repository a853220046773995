package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.escalating;
import static dev.herald.workflows.notification.TestNotifications.optionsFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.channel.Channels;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ESCALATE, in skipped time: IN_APP, then EMAIL if the item is not read within 30 minutes, then SMS if
 * nothing is acknowledged within 2 hours more; an acknowledgement stops what is left.
 */
class EscalationWorkflowTest {

  private static final List<Duration> WAITS = List.of(Duration.ofMinutes(30), Duration.ofHours(2));

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final FakeDeliveryLog log = new FakeDeliveryLog();
  /** When (workflow time) each channel sent. */
  private final Map<Channel, Instant> sentAt = new ConcurrentHashMap<>();
  /** After how long (workflow time) the in-app item is read; null: never. */
  private volatile Duration readAfter;
  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.testEnv = testEnv;
    this.client = client;
    testEnv.newWorker(Channels.of(Channel.IN_APP).taskQueue()).registerActivitiesImplementations(
        log.channel(Channel.IN_APP, delivery -> {
          sentAt.put(Channel.IN_APP, now());
          if (readAfter != null) {
            testEnv.registerDelayedCallback(readAfter, () -> log.acknowledge(delivery.id()));
          }
          return "inbox-1";
        }));
    testEnv.newWorker(Channels.of(Channel.SMS).taskQueue()).registerActivitiesImplementations(
        log.channel(Channel.SMS, delivery -> {
          sentAt.put(Channel.SMS, now());
          return "SM1";
        }));
    TestNotifications.startWorkers(testEnv, log.channel(Channel.EMAIL, delivery -> {
      sentAt.put(Channel.EMAIL, now());
      return "smtp-1";
    }), log);
  }

  @Test
  void anItemReadBeforeTheFirstWaitEndsStopsTheEscalation() {
    readAfter = Duration.ofMinutes(10);
    NotificationSpec spec = escalating("escalation-read", WAITS);
    Instant start = now();

    NotificationResult result = client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec)).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(sentAt).containsOnlyKeys(Channel.IN_APP);
    assertThat(log.statusesOf(Channel.EMAIL)).containsExactly(DeliveryStatus.SKIPPED);
    assertThat(log.statusesOf(Channel.SMS)).containsExactly(DeliveryStatus.SKIPPED);
    assertThat(log.row(spec.id() + "/email/0").lastError).isEqualTo("escalation not needed: acknowledged on IN_APP");
    // the read ended the wait: the workflow closed before the 30 minutes were out
    assertThat(closedAt(spec)).isBefore(start.plus(Duration.ofMinutes(30)));
  }

  @Test
  void nothingAcknowledgedReachesTheLastStepAfterEachWait() {
    NotificationSpec spec = escalating("escalation-all", WAITS);
    Instant start = now();

    NotificationResult result = client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec)).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    assertThat(sentAt.get(Channel.EMAIL)).isAfterOrEqualTo(start.plus(Duration.ofMinutes(30)));
    assertThat(sentAt.get(Channel.SMS)).isAfterOrEqualTo(start.plus(Duration.ofMinutes(150)));
    assertThat(log.statusesOf(Channel.SMS)).containsExactly(DeliveryStatus.SENT);
    assertThat(log.details).anyMatch(d -> d.startsWith("escalation step 3 of 3: SMS"));
  }

  @Test
  void anItemReadDuringTheSecondWaitStopsTheLastStep() {
    readAfter = Duration.ofMinutes(45);
    NotificationSpec spec = escalating("escalation-late-read", WAITS);

    client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec)).send(spec);

    assertThat(sentAt).containsOnlyKeys(Channel.IN_APP, Channel.EMAIL);
    assertThat(log.row(spec.id() + "/sms/0").lastError).isEqualTo("escalation not needed: acknowledged on IN_APP");
  }

  /** When the workflow closed, by its history (the test server's clock runs on once nothing waits). */
  private Instant closedAt(NotificationSpec spec) {
    var time = client.fetchHistory(spec.id()).getLastEvent().getEventTime();
    return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
  }

  private Instant now() {
    return Instant.ofEpochMilli(testEnv.currentTimeMillis());
  }
}
