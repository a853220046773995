package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static dev.herald.workflows.notification.TestNotifications.withSendAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.HeraldSearchAttributes;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the Temporal UI shows of a notification as it moves: search attributes set with each status
 * change (a group's audience and the approver with the next one, never in an upsert of their own), the
 * current details saying what it waits for and how far its batches are, and a summary per batch
 * activity and timer with addresses masked.
 */
class TemporalUiWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  @Test
  void anApprovedBroadcastShowsItsWaitItsApproverItsAudienceAndItsBatches(TestWorkflowEnvironment env,
      WorkflowClient client) {
    FakeBroadcastLog log = FakeBroadcastLog.startWorkers(env, 1_000);
    NotificationSpec spec = new NotificationSpec(NotificationIds.of("marketing", "ui-broadcast"), "ui-broadcast",
        "marketing", List.of(Channel.EMAIL), List.of(), new Content("Spring sale", "20% off this week."), Priority.LOW,
        null, new ApprovalPolicy(10, TestNotifications.APPROVAL_TIMEOUT, TestNotifications.REQUESTER_KEY),
        TestNotifications.ACCEPTED_AT, "sha256:ui", ChannelMode.ALL, null, null, "customers", null, "marketing", null);
    WorkflowStub workflow = client.newUntypedWorkflowStub(spec.id());
    WorkflowClient.start(client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec))::send, spec);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(currentDetails(workflow))
        .startsWith("PENDING_APPROVAL: audience of 1000 is above the approval threshold of 10")
        .contains("waits for an admin's approval or rejection until ",
            "from neither the sender 'marketing' nor the requesting key " + TestNotifications.REQUESTER_KEY));
    client.newWorkflowStub(NotificationWorkflow.class, spec.id())
        .decide(ApprovalSignal.of(Decision.APPROVE, "go", "ops-alice", TestNotifications.APPROVER_KEY));
    workflow.getResult(Object.class);

    List<HistoryEvent> events = client.fetchHistory(spec.id()).getEvents();
    List<Map<String, String>> upserts = upserts(events);
    assertThat(upserts).extracting(u -> u.get("HeraldStatus"))
        .containsExactly("\"PENDING_APPROVAL\"", "\"SENDING\"", "\"COMPLETED\"");
    assertThat(upserts.get(0)).containsEntry("HeraldAudience", "1000").doesNotContainKey("HeraldDecidedBy");
    assertThat(upserts.get(1)).containsEntry("HeraldDecidedBy", "\"ops-alice\"");
    assertThat(startAttributes(events)).containsEntry("HeraldGroup", "\"customers\"")
        .containsEntry("HeraldCategory", "\"marketing\"").doesNotContainKey("HeraldAudience");
    assertThat(activitySummaries(events)).hasSize(10)
        .contains("EMAIL to members #0-#99 of group customers", "EMAIL to members #900-#999 of group customers");
    assertThat(currentDetails(workflow)).startsWith("COMPLETED")
        .contains("batches: 10 of 10 done", "deliveries: 1000 sent, 0 failed, 0 skipped, 0 pending of 1000")
        .doesNotContain("waits for");
    assertThat(log.recordedStatuses).contains(NotificationStatus.COMPLETED);
  }

  @Test
  void aScheduledSendSaysItWaitsForItsSendTimeAndItsActivityNamesTheMaskedAddress(TestWorkflowEnvironment env,
      WorkflowClient client) {
    FakeDeliveryLog log = new FakeDeliveryLog();
    TestNotifications.startWorkers(env, log.channel(Channel.EMAIL, message -> "smtp-1"), log);
    Instant sendAt = Instant.ofEpochMilli(env.currentTimeMillis()).plus(Duration.ofHours(2));
    NotificationSpec spec = withSendAt(emailTo("ui-scheduled", "ada@example.com"), sendAt);
    WorkflowStub workflow = client.newUntypedWorkflowStub(spec.id());
    WorkflowClient.start(client.newWorkflowStub(NotificationWorkflow.class, TestNotifications.optionsFor(spec))::send, spec);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(currentDetails(workflow))
        .isEqualTo("SCHEDULED: until " + sendAt + "  \nwaits for its send time, " + sendAt
            + "  \ndeliveries: 0 sent, 0 failed, 0 skipped, 1 pending of 1"));
    workflow.getResult(Object.class);

    List<HistoryEvent> events = client.fetchHistory(spec.id()).getEvents();
    assertThat(startAttributes(events)).containsEntry("HeraldAudience", "1")
        .containsKey("HeraldSendAt").doesNotContainKey("HeraldTemplate");
    assertThat(activitySummaries(events)).containsExactly("EMAIL to a***@example.com");
    assertThat(events.stream().filter(HistoryEvent::hasTimerStartedEventAttributes)
        .map(e -> decoded(e.getUserMetadata().getSummary())))
        .containsExactly("until the send time " + sendAt);
    assertThat(upserts(events)).extracting(u -> u.get("HeraldStatus"))
        .containsExactly("\"SCHEDULED\"", "\"SENDING\"", "\"COMPLETED\"");
  }

  static String currentDetails(WorkflowStub workflow) {
    return workflow.query("__temporal_workflow_metadata", WorkflowMetadata.class).getCurrentDetails();
  }

  /** Each upsert's attributes, as their JSON text. */
  private static List<Map<String, String>> upserts(List<HistoryEvent> events) {
    return events.stream().filter(HistoryEvent::hasUpsertWorkflowSearchAttributesEventAttributes)
        .map(e -> asText(e.getUpsertWorkflowSearchAttributesEventAttributes().getSearchAttributes().getIndexedFieldsMap()))
        .toList();
  }

  private static Map<String, String> startAttributes(List<HistoryEvent> events) {
    return asText(events.get(0).getWorkflowExecutionStartedEventAttributes().getSearchAttributes().getIndexedFieldsMap());
  }

  private static Map<String, String> asText(Map<String, Payload> fields) {
    return fields.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, f -> f.getValue().getData().toStringUtf8()));
  }

  private static List<String> activitySummaries(List<HistoryEvent> events) {
    return events.stream().filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .filter(e -> e.getUserMetadata().hasSummary())
        .map(e -> decoded(e.getUserMetadata().getSummary())).toList();
  }

  private static String decoded(Payload payload) {
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
  }
}
