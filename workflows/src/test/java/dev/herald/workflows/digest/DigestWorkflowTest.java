package dev.herald.workflows.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.DigestEvent;
import dev.herald.workflows.messages.DigestRule;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.messages.TemplateRef;
import dev.herald.workflows.notification.NotificationIds;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A recipient's digest in skipped time, driven as the hand-over activity drives it (update-with-start,
 * {@link DigestStarts}); the notifications it starts are recorded by {@link SentNotifications}.
 */
class DigestWorkflowTest {

  static final DigestRule TEN_MINUTES = new DigestRule("comment-replies", Duration.ofMinutes(10), null);

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = extension();

  private TestWorkflowEnvironment testEnv;
  private WorkflowClient client;

  static TestWorkflowExtension extension() {
    TestWorkflowExtension.Builder builder = TestWorkflowExtension.newBuilder().setDoNotStart(true);
    HeraldSearchAttributes.DEFINITIONS.forEach(builder::registerSearchAttribute);
    return builder.build();
  }

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.testEnv = testEnv;
    this.client = client;
    SentNotifications.STARTED.clear();
    Worker notifications = testEnv.newWorker(TaskQueues.NOTIFICATIONS);
    notifications.registerWorkflowImplementationTypes(DigestWorkflowImpl.class, SentNotifications.class);
    testEnv.start();
  }

  @Test
  void fiftyEventsInOneWindowGoOutAsOneDigestListingEachOnce() {
    List<String> digests = IntStream.rangeClosed(1, 50)
        .mapToObj(i -> DigestStarts.add(client, event("reply-" + i, "ada", TEN_MINUTES))).toList();
    String repeated = DigestStarts.add(client, event("reply-7", "ada", TEN_MINUTES));

    assertThat(digests).containsOnly(repeated);
    assertThat(SentNotifications.STARTED).as("nothing before the window ends").isEmpty();
    testEnv.sleep(Duration.ofMinutes(11));

    await().atMost(Duration.ofSeconds(10)).until(() -> SentNotifications.STARTED.size() == 1);
    NotificationSpec digest = SentNotifications.STARTED.get(0);
    assertThat(digest.id()).isEqualTo(repeated).startsWith("notification-ops~digest:comment-replies:");
    assertThat(digest.digest()).isNull();
    assertThat(digest.recipients()).extracting(Recipient::id).containsExactly("ada");
    assertThat(digest.template().key()).isEqualTo("comment-replies");
    assertThat(digest.template().variables()).containsEntry(DigestNotification.COUNT, 50);
    assertThat(items(digest)).extracting(item -> item.get(DigestNotification.NOTIFICATION_ID))
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 50).mapToObj(i -> eventId("reply-" + i)).toList());
    assertThat(items(digest).get(0)).containsEntry("text", "reply 1");
  }

  @Test
  void anEventAfterTheWindowWentOutOpensTheNextDigestAndTheSentOneIsNotListedAgain() {
    String first = DigestStarts.add(client, event("reply-1", "ada", TEN_MINUTES));
    testEnv.sleep(Duration.ofMinutes(11));
    await().atMost(Duration.ofSeconds(10)).until(() -> SentNotifications.STARTED.size() == 1);

    String second = DigestStarts.add(client, event("reply-2", "ada", TEN_MINUTES));
    String repeatOfSent = DigestStarts.add(client, event("reply-1", "ada", TEN_MINUTES));
    testEnv.sleep(Duration.ofMinutes(11));

    await().atMost(Duration.ofSeconds(10)).until(() -> SentNotifications.STARTED.size() == 2);
    assertThat(second).isNotEqualTo(first);
    assertThat(repeatOfSent).isEqualTo(first);
    assertThat(items(SentNotifications.STARTED.get(1))).extracting(item -> item.get(DigestNotification.NOTIFICATION_ID))
        .containsExactly(eventId("reply-2"));
  }

  @Test
  void eachRecipientHasItsOwnDigest() {
    String ada = DigestStarts.add(client, event("reply-1", "ada", TEN_MINUTES));
    String bob = DigestStarts.add(client, event("reply-1", "bob", TEN_MINUTES));
    testEnv.sleep(Duration.ofMinutes(11));

    await().atMost(Duration.ofSeconds(10)).until(() -> SentNotifications.STARTED.size() == 2);
    assertThat(ada).isNotEqualTo(bob);
    assertThat(SentNotifications.STARTED).extracting(spec -> spec.recipients().get(0).id())
        .containsExactlyInAnyOrder("ada", "bob");
  }

  @Test
  void aDailyDigestGoesOutAtItsTimeInTheRecipientsZone() {
    Instant opened = Instant.ofEpochMilli(testEnv.currentTimeMillis());
    DigestRule daily = new DigestRule("comment-replies", null, LocalTime.of(9, 0));
    Instant end = DigestWindows.endOf(daily, opened, "Asia/Seoul");
    DigestStarts.add(client, event("reply-1", "ada", daily, "Asia/Seoul"));

    testEnv.sleep(Duration.between(opened, end).minusMinutes(1));
    assertThat(SentNotifications.STARTED).isEmpty();
    testEnv.sleep(Duration.ofMinutes(2));

    await().atMost(Duration.ofSeconds(10)).until(() -> SentNotifications.STARTED.size() == 1);
    assertThat(SentNotifications.STARTED.get(0).acceptedAt()).isBetween(end, end.plusSeconds(120));
  }

  /** Records the digest's history that {@code NotificationReplayTest} replays; see {@code RecordHistoriesTest}. */
  @Test
  @EnabledIfSystemProperty(named = "herald.recordHistories", matches = "true")
  void recordDigestHistory() throws IOException {
    DigestEvent first = event("reply-1", "ada", TEN_MINUTES);
    DigestStarts.add(client, first);
    DigestStarts.add(client, event("reply-2", "ada", TEN_MINUTES));
    DigestStarts.add(client, event("reply-1", "ada", TEN_MINUTES));
    testEnv.sleep(Duration.ofMinutes(11));
    await().atMost(Duration.ofSeconds(10)).until(() -> SentNotifications.STARTED.size() == 1);
    DigestStarts.add(client, event("reply-3", "ada", TEN_MINUTES));
    testEnv.sleep(Duration.ofMinutes(11));
    await().atMost(Duration.ofSeconds(10)).until(() -> SentNotifications.STARTED.size() == 2);
    testEnv.sleep(DigestWorkflowImpl.LINGER.plusMinutes(1));

    String id = DigestIds.workflowId(first.sender(), first.rule().key(), first.recipient().id());
    client.newUntypedWorkflowStub(id).getResult(Void.class);
    Path histories = Path.of("src/test/resources/histories");
    Files.writeString(histories.resolve("digest-two-windows.json"), client.fetchHistory(id).toJson(true) + "\n");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> items(NotificationSpec digest) {
    return (List<Map<String, Object>>) digest.template().variables().get(DigestNotification.EVENTS);
  }

  static String eventId(String key) {
    return NotificationIds.of("ops", key);
  }

  static DigestEvent event(String key, String recipientId, DigestRule rule) {
    return event(key, recipientId, rule, null);
  }

  static DigestEvent event(String key, String recipientId, DigestRule rule, String timeZone) {
    return new DigestEvent(eventId(key), "ops", rule, new Recipient(recipientId, recipientId + "@example.com", null,
        null, null, null), timeZone, List.of(Channel.EMAIL), ChannelMode.ALL, null, Priority.NORMAL,
        new ApprovalPolicy(100, Duration.ofHours(24)), null,
        new TemplateRef("comment-replies", 1, Map.of("text", key.replace('-', ' '))), "social");
  }
}
