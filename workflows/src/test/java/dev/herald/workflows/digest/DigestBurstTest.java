package dev.herald.workflows.digest;

import static dev.herald.workflows.digest.DigestWorkflowTest.TEN_MINUTES;
import static dev.herald.workflows.digest.DigestWorkflowTest.event;
import static dev.herald.workflows.digest.DigestWorkflowTest.eventId;
import static dev.herald.workflows.digest.DigestWorkflowTest.items;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst of events for one recipient, in real time: full windows go out at once and the run continues
 * as new, remembering where each event went. Without time skipping, which would jump the test server's
 * clock in the gaps between two events (to a window's end, or to the end of the workflow's linger) and
 * race the next event against a workflow that is finishing: a race the real server settles by handing
 * the workflow the event, and the test server does not always.
 */
class DigestBurstTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow;

  static {
    TestWorkflowExtension.Builder builder = TestWorkflowExtension.newBuilder().setDoNotStart(true)
        .setUseTimeskipping(false);
    HeraldSearchAttributes.DEFINITIONS.forEach(builder::registerSearchAttribute);
    testWorkflow = builder.build();
  }

  private WorkflowClient client;

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.client = client;
    SentNotifications.STARTED.clear();
    Worker notifications = testEnv.newWorker(TaskQueues.NOTIFICATIONS);
    notifications.registerWorkflowImplementationTypes(DigestWorkflowImpl.class, SentNotifications.class);
    testEnv.start();
  }

  @Test
  void fullWindowsGoOutAtOnceAndARunContinuesAsNewRememberingWhereEventsWent() {
    int events = DigestWorkflowImpl.EVENTS_PER_RUN;
    int window = DigestWorkflowImpl.MOST_EVENTS_PER_WINDOW;
    List<String> digests = IntStream.rangeClosed(1, events)
        .mapToObj(i -> DigestStarts.add(client, event("bulk-" + i, "ada", TEN_MINUTES))).toList();
    await().atMost(Duration.ofSeconds(30)).until(() -> SentNotifications.STARTED.size() == 2);
    String id = DigestIds.workflowId("ops", TEN_MINUTES.key(), "ada");
    await().atMost(Duration.ofSeconds(30)).until(() -> !client.fetchHistory(id).getEvents().get(0)
        .getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId().isEmpty());

    String repeatOfFirst = DigestStarts.add(client, event("bulk-1", "ada", TEN_MINUTES));
    List<String> afterContinuing = IntStream.rangeClosed(events + 1, events + window)
        .mapToObj(i -> DigestStarts.add(client, event("bulk-" + i, "ada", TEN_MINUTES))).toList();

    await().atMost(Duration.ofSeconds(30)).until(() -> SentNotifications.STARTED.size() == 3);
    assertThat(digests.stream().distinct().count()).isEqualTo(2);
    assertThat(SentNotifications.STARTED).allSatisfy(spec -> assertThat(spec.template().variables())
        .containsEntry(DigestNotification.COUNT, window));
    assertThat(repeatOfFirst).isEqualTo(digests.get(0));
    assertThat(afterContinuing).doesNotContainAnyElementsOf(digests).containsOnly(afterContinuing.get(0));
    assertThat(items(SentNotifications.STARTED.get(2)).get(0).get(DigestNotification.NOTIFICATION_ID))
        .isEqualTo(eventId("bulk-" + (events + 1)));
  }
}
