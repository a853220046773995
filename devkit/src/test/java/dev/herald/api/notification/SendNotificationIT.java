package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.workflows.HeraldSearchAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class SendNotificationIT extends HeraldIntegrationTest {

  @Autowired WorkflowClient client;

  @Test
  void acceptedNotificationIsMailedThroughSmtpAndLogged() throws Exception {
    var response = post("/api/v1/notifications", emailRequest("welcome-ada", "Welcome", "ada@it.example"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(response.getBody()).containsEntry("id", "notification-admin~welcome-ada").containsEntry("status", "ACCEPTED");
    awaitStatus("notification-admin~welcome-ada", "COMPLETED");
    var mails = mailsTo("ada@it.example");
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).getSubject()).isEqualTo("Welcome");
    assertThat(mails.get(0).getHeader("X-Herald-Notification-Id")[0]).isEqualTo("notification-admin~welcome-ada");

    var view = get("/api/v1/notifications/notification-admin~welcome-ada").getBody();
    assertThat(view).containsEntry("recipientCount", 1);
    assertThat((Map<String, Object>) view.get("progress")).containsEntry("sent", 1).containsEntry("pending", 0);
    var delivery = ((List<Map<String, Object>>) view.get("deliveries")).get(0);
    assertThat(delivery).containsEntry("status", "SENT").containsEntry("attempts", 1)
        .containsEntry("recipient", "ada@it.example");
    assertThat(delivery.get("providerMessageId")).isEqualTo(mails.get(0).getMessageID());
  }

  @Test
  void theTemporalUiSeesASingleSendAsSendingFromItsStartAndThenItsFinalStatus() {
    post("/api/v1/notifications", emailRequest("ui-status-1", "Status", "status@it.example"));
    awaitStatus("notification-admin~ui-status-1", "COMPLETED");

    var history = client.fetchHistory("notification-admin~ui-status-1").getEvents();
    assertThat(history.get(0).getWorkflowExecutionStartedEventAttributes().getSearchAttributes()
        .getIndexedFieldsOrThrow(HeraldSearchAttributes.STATUS.getName()).getData().toStringUtf8()).isEqualTo("\"SENDING\"");
    assertThat(history).filteredOn(HistoryEvent::hasUpsertWorkflowSearchAttributesEventAttributes).hasSize(1);
    assertThat(client.newUntypedWorkflowStub("notification-admin~ui-status-1").describe().getTypedSearchAttributes()
        .get(HeraldSearchAttributes.STATUS)).isEqualTo("COMPLETED");
  }

  @Test
  void aLowNotificationRunsOnTheLowLanesAndOthersOnTheDefaultOnes() {
    post("/api/v1/notifications", emailRequest("lane-low", "Low", "lane-low@it.example")
        .replace("\"channels\"", "\"priority\":\"LOW\",\"channels\""));
    post("/api/v1/notifications", emailRequest("lane-high", "High", "lane-high@it.example")
        .replace("\"channels\"", "\"priority\":\"HIGH\",\"channels\""));
    awaitStatus("notification-admin~lane-low", "COMPLETED");
    awaitStatus("notification-admin~lane-high", "COMPLETED");

    assertThat(taskQueues("notification-admin~lane-low")).containsExactly("herald-notifications-low", "email-low");
    assertThat(taskQueues("notification-admin~lane-high")).containsExactly("herald-notifications", "email");
    assertThat(mailsTo("lane-low@it.example")).hasSize(1);
  }

  /** The queue a workflow started on, then those of its activities. */
  private List<String> taskQueues(String workflowId) {
    var events = client.fetchHistory(workflowId).getEvents();
    return Stream.concat(
        Stream.of(events.get(0).getWorkflowExecutionStartedEventAttributes().getTaskQueue().getName()),
        events.stream().filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
            .map(e -> e.getActivityTaskScheduledEventAttributes().getTaskQueue().getName()))
        .distinct().toList();
  }

  @Test
  void fiveConcurrentIdenticalRequestsSendExactlyOneMail() throws Exception {
    String body = emailRequest("storm-1", "Once only", "storm@it.example");
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Callable<ResponseEntity<Map<String, Object>>>> calls =
        IntStream.range(0, 5).<Callable<ResponseEntity<Map<String, Object>>>>mapToObj(i -> () -> post("/api/v1/notifications", body)).toList();
    List<ResponseEntity<Map<String, Object>>> responses = pool.invokeAll(calls).stream().map(SendNotificationIT::join).toList();
    pool.shutdown();

    assertThat(responses).extracting(r -> r.getBody().get("id")).containsOnly("notification-admin~storm-1");
    assertThat(responses).filteredOn(r -> r.getStatusCode() == HttpStatus.ACCEPTED).hasSize(1);
    assertThat(responses).filteredOn(r -> r.getStatusCode() == HttpStatus.OK).hasSize(4);
    awaitStatus("notification-admin~storm-1", "COMPLETED");
    assertThat(mailsTo("storm@it.example")).hasSize(1);
  }

  @Test
  void repeatAfterCompletionReturnsTheSameNotificationAndSendsNothing() {
    String body = emailRequest(null, "Repeat", "repeat@it.example");
    assertThat(post("/api/v1/notifications", body, "repeat-1").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~repeat-1", "COMPLETED");

    var again = post("/api/v1/notifications", body, "repeat-1");

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).containsEntry("id", "notification-admin~repeat-1").containsEntry("status", "COMPLETED")
        .containsEntry("created", false);
    assertThat(mailsTo("repeat@it.example")).hasSize(1);
  }

  @Test
  void sameKeyWithADifferentBodyIsRejectedAsReuse() {
    post("/api/v1/notifications", emailRequest("reuse-1", "First", "reuse@it.example"));

    var reuse = post("/api/v1/notifications", emailRequest("reuse-1", "Second", "reuse@it.example"));

    assertThat(reuse.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(reuse.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(reuse.getBody()).containsEntry("type", "/problems/idempotency-key-reused");
  }

  @Test
  void largeAudienceWaitsForApprovalAndSendsOnceApproved() {
    post("/api/v1/notifications", emailRequest("big-1", "Broadcast", "b1@it.example", "b2@it.example", "b3@it.example"));
    awaitStatus("notification-admin~big-1", "PENDING_APPROVAL");
    assertThat(mailsTo("b1@it.example")).isEmpty();
    assertThat(client.newUntypedWorkflowStub("notification-admin~big-1").describe().getTypedSearchAttributes()
        .get(HeraldSearchAttributes.STATUS)).isEqualTo("PENDING_APPROVAL");

    var decision = approve("notification-admin~big-1", "{\"decision\":\"APPROVE\",\"comment\":\"quarterly news\"}");

    assertThat(decision.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~big-1", "COMPLETED");
    assertThat(mailsTo("b1@it.example")).hasSize(1);
    assertThat(mailsTo("b2@it.example")).hasSize(1);
    assertThat(mailsTo("b3@it.example")).hasSize(1);
    var approval = (Map<String, Object>) get("/api/v1/notifications/notification-admin~big-1").getBody().get("approval");
    assertThat(approval).containsEntry("decision", "APPROVE").containsEntry("decidedBy", APPROVER)
        .containsEntry("comment", "quarterly news");
  }

  @Test
  void rejectedBroadcastSendsNothingAndCancelsItsDeliveries() {
    post("/api/v1/notifications", emailRequest("big-2", "No", "r1@it.example", "r2@it.example", "r3@it.example"));
    awaitStatus("notification-admin~big-2", "PENDING_APPROVAL");

    approve("notification-admin~big-2", "{\"decision\":\"REJECT\",\"comment\":\"not now\"}");

    awaitStatus("notification-admin~big-2", "REJECTED");
    var view = get("/api/v1/notifications/notification-admin~big-2").getBody();
    assertThat((Map<String, Object>) view.get("progress")).containsEntry("cancelled", 3).containsEntry("sent", 0);
    assertThat(mailsTo("r1@it.example")).isEmpty();
  }

  @Test
  void approvingANotificationThatIsNotWaitingIsAConflict() {
    post("/api/v1/notifications", emailRequest("small-1", "Small", "small@it.example"));
    awaitStatus("notification-admin~small-1", "COMPLETED");

    var decision = approve("notification-admin~small-1", "{\"decision\":\"APPROVE\"}");

    assertThat(decision.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void cancellingAScheduledNotificationCancelsItsDeliveries() {
    String sendAt = Instant.now().plus(1, ChronoUnit.HOURS).toString();
    String body = "{\"idempotencyKey\":\"later-1\",\"channels\":[\"EMAIL\"],\"recipients\":[{\"email\":\"later@it.example\"}],"
        + "\"subject\":\"Later\",\"body\":\"b\",\"sendAt\":\"" + sendAt + "\"}";
    assertThat(post("/api/v1/notifications", body).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~later-1", "SCHEDULED");

    var cancel = post("/api/v1/notifications/notification-admin~later-1/cancel", "");

    assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-admin~later-1", "CANCELLED");
    var delivery = ((List<Map<String, Object>>) get("/api/v1/notifications/notification-admin~later-1").getBody()
        .get("deliveries")).get(0);
    assertThat(delivery).containsEntry("status", "CANCELLED");
    assertThat(mailsTo("later@it.example")).isEmpty();
    assertThat(post("/api/v1/notifications/notification-admin~later-1/cancel", "").getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void historyListsNotificationsByStatusAndChannel() {
    post("/api/v1/notifications", emailRequest("history-1", "History", "history@it.example"));
    awaitStatus("notification-admin~history-1", "COMPLETED");

    var page = get("/api/v1/notifications?status=COMPLETED&channel=EMAIL&size=100").getBody();
    var none = get("/api/v1/notifications?status=COMPLETED&since=2999-01-01T00:00:00Z").getBody();

    assertThat((List<Map<String, Object>>) page.get("items")).extracting(i -> i.get("id"))
        .contains("notification-admin~history-1");
    assertThat((List<?>) none.get("items")).isEmpty();
  }

  @Test
  void unknownNotificationIsNotFound() {
    var response = get("/api/v1/notifications/notification-admin~never-sent");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).containsEntry("type", "/problems/not-found");
  }

  @Test
  void devOutboxShowsTheCapturedMail() {
    post("/api/v1/notifications", emailRequest("outbox-1", "Outbox", "outbox@it.example"));
    awaitStatus("notification-admin~outbox-1", "COMPLETED");

    await().atMost(DELIVERY_WAIT).untilAsserted(() -> {
      List<Map<String, Object>> outbox = http().get().uri("/api/v1/dev/outbox?channel=EMAIL").retrieve()
          .body(new org.springframework.core.ParameterizedTypeReference<>() {});
      assertThat(outbox).anySatisfy(m -> {
        assertThat(m).containsEntry("subject", "Outbox").containsEntry("body", "Hello from Herald");
        assertThat((List<String>) m.get("to")).containsExactly("outbox@it.example");
      });
    });
  }

  private static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
