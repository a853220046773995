package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.digested;
import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static dev.herald.workflows.notification.TestNotifications.optionsFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.DigestRule;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A notification whose template asks for a digest hands its events over instead of sending, and ends DIGESTED. */
class DigestHandOverTest {

  private static final DigestRule REPLIES = new DigestRule("replies", Duration.ofMinutes(10), null);

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final FakeDeliveryLog log = new FakeDeliveryLog();
  private FakeDigests digests;
  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.testEnv = testEnv;
    this.client = client;
    digests = new FakeDigests(log, testEnv::currentTimeMillis);
    TestNotifications.startWorkers(testEnv, log.channel(Channel.EMAIL, message -> "smtp-" + message.seq()), log, digests);
  }

  @Test
  void aDigestedNotificationSendsNothingAndNamesItsDigest() {
    NotificationSpec spec = digested(emailTo("reply-1", "ada@example.com"), REPLIES);

    NotificationResult result = client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec)).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.DIGESTED);
    assertThat(result.detail()).isEqualTo("into " + FakeDigests.digestOf("ada"));
    assertThat(result.skipped()).isEqualTo(1);
    assertThat(log.sent).isEmpty();
    assertThat(log.row(spec.id() + "/email/0").status).isEqualTo(DeliveryStatus.SKIPPED);
    assertThat(log.row(spec.id() + "/email/0").errorCode).isEqualTo("digested:" + FakeDigests.digestOf("ada"));
  }

  @Test
  void eachRecipientsEventGoesToItsOwnDigest() {
    NotificationSpec spec = digested(emailTo("reply-2", "ada@example.com", "bob@example.com"), REPLIES);

    NotificationResult result = client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec)).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.DIGESTED);
    assertThat(result.detail()).isEqualTo("into 2 digests: " + FakeDigests.digestOf("ada") + ", "
        + FakeDigests.digestOf("bob"));
    assertThat(log.statusesOf(Channel.EMAIL)).containsOnly(DeliveryStatus.SKIPPED);
  }

  @Test
  void aScheduledDigestedNotificationHandsItsEventOverAtItsSendTime() {
    Instant sendAt = Instant.ofEpochMilli(testEnv.currentTimeMillis()).plus(Duration.ofHours(3));
    NotificationSpec spec = TestNotifications.withSendAt(digested(emailTo("reply-3", "ada@example.com"), REPLIES),
        sendAt);

    NotificationResult result = client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec)).send(spec);

    assertThat(result.status()).isEqualTo(NotificationStatus.DIGESTED);
    assertThat(digests.handedOverAt).singleElement().satisfies(at -> assertThat(at).isAfterOrEqualTo(sendAt));
    assertThat(log.statuses).containsExactly(NotificationStatus.ACCEPTED, NotificationStatus.SCHEDULED,
        NotificationStatus.DIGESTED);
  }
}
