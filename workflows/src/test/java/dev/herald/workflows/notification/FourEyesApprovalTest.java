package dev.herald.workflows.notification;

import static dev.herald.workflows.notification.TestNotifications.emailTo;
import static dev.herald.workflows.notification.TestNotifications.optionsFor;
import static dev.herald.workflows.notification.TestNotifications.withApprovalThreshold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.ApprovalSignal;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.NotificationResult;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import io.temporal.api.sdk.v1.WorkflowInteractionDefinition;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The approval signal as operators send it from the Temporal CLI or UI, straight to the workflow:
 * the JSON body of the REST approval, refused visibly when it names no known decision, no approver,
 * or the requester (four-eyes), and the wait goes on for an allowed one.
 */
class FourEyesApprovalTest {

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestNotifications.extension();

  private final FakeDeliveryLog log = new FakeDeliveryLog();
  private WorkflowClient client;

  @BeforeEach
  void startWorkers(io.temporal.testing.TestWorkflowEnvironment testEnv, WorkflowClient client) {
    this.client = client;
    TestNotifications.startWorkers(testEnv, log.channel(Channel.EMAIL, message -> "smtp-1"), log);
  }

  @Test
  void refusedDecisionsAreShownAndTheFirstAllowedOneIsTaken() {
    NotificationSpec spec = waitingForApproval("four-eyes");
    WorkflowStub workflow = started(spec);
    awaitDetail(workflow, "above the approval threshold");

    workflow.signal("decide", body("MAYBE", "ops-alice", null));
    awaitDetail(workflow, "refused a decision from 'ops-alice': unknown decision 'MAYBE': APPROVE or REJECT");
    workflow.signal("decide", body("APPROVE", null, "no name"));
    awaitDetail(workflow, "refused a decision from (none): no approver: name who decides in \"approver\"");
    workflow.signal("decide", body("APPROVE", spec.sender(), "my own send"));
    awaitDetail(workflow, "'" + spec.sender() + "' requested this send and may not decide on it (four-eyes)");
    workflow.signal("decide", new ApprovalSignal("APPROVE", null, "ops-bob", TestNotifications.REQUESTER_KEY));
    awaitDetail(workflow, "the API key " + TestNotifications.REQUESTER_KEY + " requested this send");

    assertThat(log.approvals).isEmpty();
    assertThat(log.sent).isEmpty();
    assertThat(log.details).anyMatch(d -> d.contains("unknown decision 'MAYBE'"));

    workflow.signal("decide", body(" approve ", "ops-alice", "checked the audience"));
    NotificationResult result = workflow.getResult(NotificationResult.class);

    assertThat(result.status()).isEqualTo(NotificationStatus.COMPLETED);
    ApprovalDecision taken = log.approvals.get(0);
    assertThat(taken.decision()).isEqualTo(Decision.APPROVE);
    assertThat(taken.decidedBy()).isEqualTo("ops-alice");
    assertThat(taken.comment()).isEqualTo("checked the audience");
    assertThat(taken.decidedByKey()).isNull();
  }

  @Test
  void aDecisionAfterTheTakenOneChangesNothing() {
    NotificationSpec spec = waitingForApproval("second-decision");
    WorkflowStub workflow = started(spec);

    workflow.signal("decide", body("REJECT", "ops-alice", "wrong audience"));
    workflow.signal("decide", body("APPROVE", "ops-bob", null));
    NotificationResult result = workflow.getResult(NotificationResult.class);

    assertThat(result.status()).isEqualTo(NotificationStatus.REJECTED);
    assertThat(result.detail()).isEqualTo("rejected by ops-alice: wrong audience");
    assertThat(log.approvals).isNotEmpty().allSatisfy(d -> assertThat(d.decidedBy()).isEqualTo("ops-alice"));
  }

  @Test
  void signalsAndTheQueryDescribeThemselvesToTheCliAndUi() {
    NotificationSpec spec = waitingForApproval("described");
    WorkflowStub workflow = started(spec);
    awaitDetail(workflow, "above the approval threshold");

    WorkflowMetadata metadata = workflow.query("__temporal_workflow_metadata", WorkflowMetadata.class);

    Map<String, String> signals = descriptions(metadata.getDefinition().getSignalDefinitionsList());
    assertThat(signals).containsOnlyKeys("decide", "pause", "resume");
    assertThat(signals.get("decide")).contains("\"decision\":\"APPROVE\"|\"REJECT\"", "approver", "four-eyes");
    assertThat(descriptions(metadata.getDefinition().getQueryDefinitionsList()).get("progress"))
        .contains("status", "per channel");
    assertThat(metadata.getCurrentDetails()).contains("PENDING_APPROVAL");
    workflow.signal("decide", body("REJECT", "ops-alice", null));
  }

  private WorkflowStub started(NotificationSpec spec) {
    WorkflowStub workflow = WorkflowStub.fromTyped(client.newWorkflowStub(NotificationWorkflow.class, optionsFor(spec)));
    workflow.start(spec);
    return workflow;
  }

  private static NotificationSpec waitingForApproval(String key) {
    return withApprovalThreshold(emailTo(key, "ada@example.com", "bob@example.com"), 1);
  }

  /** The JSON an operator types into {@code temporal workflow signal --input}. */
  private static Map<String, String> body(String decision, String approver, String comment) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("decision", decision);
    if (approver != null) {
      body.put("approver", approver);
    }
    if (comment != null) {
      body.put("comment", comment);
    }
    return body;
  }

  private static void awaitDetail(WorkflowStub workflow, String text) {
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
        workflow.query("progress", dev.herald.workflows.messages.NotificationProgress.class).statusDetail())
        .contains(text));
  }

  private static Map<String, String> descriptions(java.util.List<WorkflowInteractionDefinition> definitions) {
    Map<String, String> byName = new LinkedHashMap<>();
    definitions.forEach(d -> byName.put(d.getName(), d.getDescription()));
    return byName;
  }
}
