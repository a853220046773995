package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.workflows.TaskQueues;
import dev.herald.workflows.messages.ApprovalPolicy;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelMode;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.notification.NotificationStart;
import dev.herald.workflows.notification.NotificationWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Text the door would refuse, started past it (an older client, a workflow started by hand): the
 * notification still ends in a final status, with the reason, in history; nothing is retried forever.
 */
class UnrecordableNotificationIT extends HeraldIntegrationTest {

  @Autowired WorkflowClient client;

  @Test
  void aNotificationTheLogCannotStoreEndsFailedWithTheReasonInHistory() {
    String id = start("unstorable-1", List.of(Channel.EMAIL), Recipient.ofEmail("unstorable@it.example"),
        new Content("nul \0 subject", "body"));

    awaitStatus(id, "FAILED");
    Map<String, Object> view = get("/api/v1/notifications/" + id).getBody();
    assertThat((String) view.get("statusDetail")).contains("cannot store", "SQLSTATE 22021").doesNotContain("Exception");
    assertThat(view).containsEntry("subject", "nul \uFFFD subject");
    List<Map<String, Object>> failed = (List<Map<String, Object>>) get("/api/v1/notifications?status=FAILED&size=100")
        .getBody().get("items");
    assertThat(failed).extracting(n -> n.get("id")).contains(id);
    assertThat(mailsTo("unstorable@it.example")).isEmpty();
  }

  @Test
  void anInboxMessageTheInboxCannotStoreFailsForGoodInsteadOfBeingRetried() {
    String id = start("unstorable-inbox-1", List.of(Channel.IN_APP),
        new Recipient("unstorable-inbox", null, null, null, null, null), new Content(null, "body \0 here"));

    awaitStatus(id, "FAILED");
    Map<String, Object> delivery = ((List<Map<String, Object>>) get("/api/v1/notifications/" + id).getBody()
        .get("deliveries")).get(0);
    assertThat(delivery).containsEntry("status", "FAILED").containsEntry("errorCode", "inbox-refused")
        .containsEntry("attempts", 1);
    assertThat((String) delivery.get("lastError")).contains("cannot store").doesNotContain("Exception");
  }

  private String start(String key, List<Channel> channels, Recipient recipient, Content content) {
    NotificationSpec spec = new NotificationSpec("notification-admin~" + key, key, "it", channels, List.of(recipient), content,
        Priority.NORMAL, null, new ApprovalPolicy(1000, Duration.ofHours(1)), Instant.now(), "hash-" + key,
        ChannelMode.ALL, Duration.ofMinutes(10), null, null, null, null, null);
    NotificationWorkflow workflow = client.newWorkflowStub(NotificationWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(spec.id()).setTaskQueue(TaskQueues.NOTIFICATIONS)
        .setTypedSearchAttributes(NotificationStart.searchAttributes(spec)).build());
    WorkflowClient.start(workflow::send, spec);
    return spec.id();
  }
}
