package dev.herald.api.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.HeraldSearchAttributes;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.converter.DataConverter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the Temporal UI shows, read as it reads it from a real dev server (its own, on free ports): at
 * each stage of a broadcast (waiting for approval, paused after it, completed) and of a scheduled send,
 * the search attributes, the static summary and details, the current details (the workflow metadata
 * query) and the summaries of activities and timers in the history; and list queries by the new
 * attributes find them. Needs the Temporal CLI, as {@code TemporalDevServerIT}.
 */
class TemporalUiStoryIT extends BroadcastIntegrationTest {

  private static final Duration VISIBLE = Duration.ofSeconds(30);

  @TempDir static Path dataDir;

  @Autowired WorkflowClient client;
  @Autowired DataConverter dataConverter;

  @DynamicPropertySource
  static void ownDevServer(DynamicPropertyRegistry registry) throws IOException {
    registry.add("herald.temporal.dev-server", () -> "cli");
    int port = freePort();
    int uiPort = freePort();
    registry.add("herald.temporal.dev-server-port", () -> port);
    registry.add("herald.temporal.dev-server-ui-port", () -> uiPort);
    registry.add("herald.data-dir", () -> dataDir.toString());
  }

  @Test
  void aBroadcastTellsItsStoryThroughApprovalPauseAndCompletion() {
    groupOf("ui-story", "uis", "ui-story.it.example", 300);
    publishGreeting();
    String id = sendTemplated("ui-story-1", "ui-story");
    awaitStatus(id, "PENDING_APPROVAL", BROADCAST_WAIT);

    WorkflowExecutionDescription waiting = client.newUntypedWorkflowStub(id).describe();
    assertThat(waiting.getTypedSearchAttributes().get(HeraldSearchAttributes.STATUS)).isEqualTo("PENDING_APPROVAL");
    assertThat(waiting.getTypedSearchAttributes().get(HeraldSearchAttributes.GROUP)).isEqualTo("ui-story");
    assertThat(waiting.getTypedSearchAttributes().get(HeraldSearchAttributes.AUDIENCE)).isEqualTo(300L);
    assertThat(waiting.getTypedSearchAttributes().get(HeraldSearchAttributes.TEMPLATE)).isEqualTo(TEMPLATE);
    assertThat(waiting.getTypedSearchAttributes().get(HeraldSearchAttributes.TEMPLATE_VERSION)).isEqualTo(1L);
    assertThat(waiting.getStaticSummary()).isEqualTo("EMAIL to group ui-story (300 members) from admin, NORMAL priority");
    assertThat(waiting.getStaticDetails()).contains("template " + TEMPLATE + " version 1", "group ui-story on [EMAIL]",
        "approval above 2 recipients");
    assertThat(currentDetails(id)).contains("PENDING_APPROVAL: audience of 300 is above the approval threshold of 2",
        "waits for an admin's approval or rejection until", "from neither the sender 'admin'");
    assertThat(found("HeraldGroup = 'ui-story' AND HeraldStatus = 'PENDING_APPROVAL' AND HeraldAudience >= 300"))
        .contains(id);

    client.newUntypedWorkflowStub(id).signal("pause");
    approve(id);
    awaitStatus(id, "PAUSED", BROADCAST_WAIT);
    assertThat(currentDetails(id)).contains("PAUSED", "waits for a resume signal", "batches: 0 of 3 done",
        "deliveries: 0 sent, 0 failed, 0 skipped, 300 pending of 300");
    assertThat(found("HeraldDecidedBy = '" + APPROVER + "' AND HeraldStatus = 'PAUSED'")).contains(id);

    client.newUntypedWorkflowStub(id).signal("resume");
    awaitStatus(id, "COMPLETED", BROADCAST_WAIT);
    assertThat(currentDetails(id)).startsWith("COMPLETED")
        .contains("batches: 3 of 3 done", "deliveries: 300 sent, 0 failed, 0 skipped, 0 pending of 300")
        .doesNotContain("waits for");
    assertThat(summaries(id, HistoryEvent::hasActivityTaskScheduledEventAttributes)).containsExactly(
        "EMAIL to members #0-#99 of group ui-story", "EMAIL to members #100-#199 of group ui-story",
        "EMAIL to members #200-#299 of group ui-story");
    assertThat(found("HeraldTemplate = '" + TEMPLATE + "' AND HeraldTemplateVersion = 1 AND HeraldStatus = 'COMPLETED'"
        + " AND HeraldDecidedBy = '" + APPROVER + "'")).contains(id);
  }

  @Test
  void aScheduledSendSaysWhenItGoesAndItsActivityNamesTheMaskedAddress() {
    Instant sendAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
    var accepted = post("/api/v1/notifications", "{\"idempotencyKey\":\"ui-scheduled-1\",\"channels\":[\"EMAIL\"],"
        + "\"recipients\":[{\"email\":\"zoe.ui@ui-story.it.example\"}],\"subject\":\"Later\",\"body\":\"Later on\","
        + "\"category\":\"ui-reminders\",\"sendAt\":\"" + sendAt + "\"}");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = (String) accepted.getBody().get("id");
    awaitStatus(id, "SCHEDULED", BROADCAST_WAIT);

    assertThat(currentDetails(id)).contains("SCHEDULED: until " + sendAt, "waits for its send time, " + sendAt);
    assertThat(summaries(id, HistoryEvent::hasTimerStartedEventAttributes)).containsExactly("until the send time " + sendAt);
    var attributes = client.newUntypedWorkflowStub(id).describe().getTypedSearchAttributes();
    assertThat(attributes.get(HeraldSearchAttributes.SEND_AT).toInstant()).isEqualTo(sendAt);
    assertThat(attributes.get(HeraldSearchAttributes.CATEGORY)).isEqualTo("ui-reminders");
    assertThat(attributes.get(HeraldSearchAttributes.AUDIENCE)).isEqualTo(1L);
    assertThat(found("HeraldCategory = 'ui-reminders' AND HeraldAudience = 1 AND HeraldSendAt BETWEEN '"
        + sendAt.minusSeconds(1) + "' AND '" + sendAt.plusSeconds(1) + "'")).contains(id);

    awaitStatus(id, "COMPLETED", BROADCAST_WAIT);
    assertThat(summaries(id, HistoryEvent::hasActivityTaskScheduledEventAttributes))
        .containsExactly("EMAIL to z***@ui-story.it.example");
    assertThat(client.newUntypedWorkflowStub(id).describe().getTypedSearchAttributes()
        .get(HeraldSearchAttributes.STATUS)).isEqualTo("COMPLETED");
  }

  private String currentDetails(String id) {
    return client.newUntypedWorkflowStub(id).query("__temporal_workflow_metadata", WorkflowMetadata.class)
        .getCurrentDetails();
  }

  /** The ids a visibility query lists, once the server's visibility shows them. */
  private List<String> found(String query) {
    return await().atMost(VISIBLE).until(
        () -> client.listExecutions(query).map(WorkflowExecutionMetadata::getExecution).map(e -> e.getWorkflowId()).toList(),
        ids -> !ids.isEmpty());
  }

  /** The summaries of the history's events of one kind, decoded as the UI does through the codec. */
  private List<String> summaries(String id, Predicate<HistoryEvent> kind) {
    return client.fetchHistory(id).getEvents().stream().filter(kind).filter(e -> e.getUserMetadata().hasSummary())
        .map(e -> decoded(e.getUserMetadata().getSummary())).toList();
  }

  private String decoded(Payload payload) {
    return dataConverter.fromPayload(payload, String.class, String.class);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
