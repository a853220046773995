package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Group sends at the API's edge: which requests are refused before anything starts, how the detail
 * view counts a broadcast's deliveries per channel, and which notifications pause and resume. The
 * delivery log rows are written here directly, as the broadcast workflow would, so this needs no
 * workflow to have run.
 */
class GroupSendIT extends HeraldIntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired WorkflowClient client;

  @Test
  void anUnknownGroupIsRefusedNamingTheGroupField() {
    var response = post("/api/v1/notifications", groupRequest("gs-unknown", "gs-no-such-group"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("type", "/problems/invalid-request");
    assertThat(errors(response.getBody())).containsExactly(
        Map.of("field", "group", "message", "no group has the key 'gs-no-such-group'"));
  }

  @Test
  void aGroupWithoutMembersIsRefused() {
    post("/api/v1/groups", "{\"key\":\"gs-empty\",\"name\":\"Nobody\"}");

    var response = post("/api/v1/notifications", groupRequest("gs-empty-1", "gs-empty"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(response.getBody())).containsExactly(
        Map.of("field", "group", "message", "the group 'gs-empty' has no members"));
  }

  @Test
  void recipientsAndAGroupTogetherAreRefused() {
    var response = post("/api/v1/notifications", """
        {"idempotencyKey":"gs-both","channels":["EMAIL"],"group":"gs-any","recipients":[{"email":"both@it.example"}],
         "subject":"Both","body":"b"}""");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(response.getBody())).extracting(e -> e.get("field")).containsExactly("group");
  }

  @Test
  void neitherRecipientsNorAGroupIsRefusedNamingRecipients() {
    var response = post("/api/v1/notifications",
        "{\"idempotencyKey\":\"gs-neither\",\"channels\":[\"EMAIL\"],\"subject\":\"None\",\"body\":\"b\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(response.getBody())).containsExactly(
        Map.of("field", "recipients", "message", "at least one recipient is required (or a group)"));
  }

  @Test
  void aGroupSendStartsSummarizedByItsGroupAndRepeatsOnlyWithTheSameGroup() {
    http().post().uri("/api/v1/recipients/import").contentType(MediaType.parseMediaType("application/x-ndjson"))
        .body("{\"id\":\"gs-fp-1\",\"email\":\"gs-fp-1@it.example\"}\n"
            + "{\"id\":\"gs-fp-2\",\"email\":\"gs-fp-2@it.example\"}")
        .retrieve().toBodilessEntity();
    post("/api/v1/groups", "{\"key\":\"gs-fp-both\",\"name\":\"Both\"}");
    post("/api/v1/groups/gs-fp-both/members", "{\"recipientIds\":[\"gs-fp-1\",\"gs-fp-2\"]}");
    post("/api/v1/groups", "{\"key\":\"gs-fp-one\",\"name\":\"One\"}");
    post("/api/v1/groups/gs-fp-one/members", "{\"recipientIds\":[\"gs-fp-1\"]}");

    var first = post("/api/v1/notifications", groupRequest("gs-fp", "gs-fp-both"));
    var repeat = post("/api/v1/notifications", groupRequest("gs-fp", "gs-fp-both"));
    var otherGroup = post("/api/v1/notifications", groupRequest("gs-fp", "gs-fp-one"));

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(client.newUntypedWorkflowStub("notification-admin~gs-fp").describe().getStaticSummary())
        .isEqualTo("EMAIL to group gs-fp-both (2 members) from admin, NORMAL priority");
    assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(repeat.getBody()).containsEntry("created", false);
    assertThat(otherGroup.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(otherGroup.getBody()).containsEntry("type", "/problems/idempotency-key-reused");
  }

  @Test
  void theDetailViewCountsDeliveriesPerChannelAndShowsTheGroup() {
    logNotification("gs-counts", "EMAIL,SMS", "SENDING", "gs-vip", 4);
    logDeliveries("gs-counts", "EMAIL", "SENT", "SENT", "DELIVERED", "FAILED");
    logDeliveries("gs-counts", "SMS", "PENDING", "SKIPPED", "CANCELLED");

    var view = get("/api/v1/notifications/notification-admin~gs-counts").getBody();

    assertThat(view).containsEntry("group", "gs-vip").containsEntry("recipientCount", 4);
    var progress = (Map<String, Object>) view.get("progress");
    assertThat(progress).containsEntry("total", 7).containsEntry("sent", 3).containsEntry("delivered", 1)
        .containsEntry("failed", 1).containsEntry("pending", 1).containsEntry("skipped", 1)
        .containsEntry("cancelled", 1);
    assertThat((List<Map<String, Object>>) progress.get("channels")).containsExactly(
        Map.of("channel", "EMAIL", "total", 4, "pending", 0, "sent", 3, "delivered", 1, "failed", 1, "skipped", 0,
            "cancelled", 0),
        Map.of("channel", "SMS", "total", 3, "pending", 1, "sent", 0, "delivered", 0, "failed", 0, "skipped", 1,
            "cancelled", 1));
  }

  @Test
  void aBroadcastListsItsDeliveriesInMemberOrder() {
    logNotification("gs-order", "EMAIL", "SENDING", "gs-vip", 12);
    for (int seq = 0; seq < 12; seq++) { // ids in the opposite order, so only the member number orders them
      jdbc.update("""
          insert into delivery (id, notification_id, channel, recipient, status, recipient_seq, recipient_id,
                                updated_at)
          values (?, 'notification-admin~gs-order', 'EMAIL', ?, 'SENT', ?, ?, now())""",
          "notification-admin~gs-order/EMAIL/x" + (11 - seq), "gs-order-" + seq + "@it.example", seq, "gs-order-" + seq);
    }

    var deliveries = (List<Map<String, Object>>) get("/api/v1/notifications/notification-admin~gs-order").getBody()
        .get("deliveries");

    assertThat(deliveries).extracting(d -> d.get("recipient")).containsExactly(
        java.util.stream.IntStream.range(0, 12).mapToObj(i -> "gs-order-" + i + "@it.example").toArray());
  }

  @Test
  void aChannelWithNothingLoggedYetCountsZero() {
    logNotification("gs-zero", "EMAIL,PUSH", "PENDING_APPROVAL", "gs-vip", 2);
    logDeliveries("gs-zero", "EMAIL", "PENDING", "PENDING");

    var progress = (Map<String, Object>) get("/api/v1/notifications/notification-admin~gs-zero").getBody().get("progress");

    assertThat((List<Map<String, Object>>) progress.get("channels"))
        .extracting(c -> c.get("channel"), c -> c.get("total"))
        .containsExactly(Tuple.tuple("EMAIL", 2), Tuple.tuple("PUSH", 0));
  }

  @Test
  void pausedBroadcastsAreListedByStatus() {
    logNotification("gs-paused", "EMAIL", "PAUSED", "gs-vip", 3);

    var page = get("/api/v1/notifications?status=PAUSED&size=100").getBody();

    assertThat((List<Map<String, Object>>) page.get("items"))
        .filteredOn(i -> "notification-admin~gs-paused".equals(i.get("id"))).singleElement()
        .satisfies(i -> assertThat(i).containsEntry("status", "PAUSED").containsEntry("group", "gs-vip"));
  }

  @Test
  void theApprovalQueueShowsABroadcastsGroupAndAudienceSize() {
    logNotification("gs-approve", "EMAIL", "PENDING_APPROVAL", "gs-everyone", 12_345);

    List<Map<String, Object>> queue = http().get().uri("/api/v1/approvals?size=100").retrieve()
        .body(new ParameterizedTypeReference<>() {});

    assertThat(queue).filteredOn(a -> "notification-admin~gs-approve".equals(a.get("notificationId"))).singleElement()
        .satisfies(a -> assertThat(a).containsEntry("group", "gs-everyone").containsEntry("audienceSize", 12_345));
  }

  @Test
  void pausingOrResumingAnUnknownNotificationIsNotFound() {
    assertThat(post("/api/v1/notifications/notification-admin~gs-never/pause", "").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("/api/v1/notifications/notification-admin~gs-never/resume", "").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void pausingOrResumingAFinishedNotificationIsAConflict() {
    post("/api/v1/notifications", emailRequest("gs-done", "Done", "gs-done@it.example"));
    awaitStatus("notification-admin~gs-done", "COMPLETED");

    var pause = post("/api/v1/notifications/notification-admin~gs-done/pause", "");
    var resume = post("/api/v1/notifications/notification-admin~gs-done/resume", "");

    assertThat(pause.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(pause.getBody()).containsEntry("type", "/problems/wrong-state");
    assertThat(resume.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void aNotificationToRecipientsPausesAndResumesLikeABroadcast() {
    String sendAt = Instant.now().plus(1, ChronoUnit.HOURS).toString();
    post("/api/v1/notifications", "{\"idempotencyKey\":\"gs-list-later\",\"channels\":[\"EMAIL\"],"
        + "\"recipients\":[{\"email\":\"gs-later@it.example\"}],\"subject\":\"Later\",\"body\":\"b\",\"sendAt\":\""
        + sendAt + "\"}");
    awaitStatus("notification-admin~gs-list-later", "SCHEDULED");

    var pause = post("/api/v1/notifications/notification-admin~gs-list-later/pause", "");
    var resume = post("/api/v1/notifications/notification-admin~gs-list-later/resume", "");

    assertThat(pause.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(resume.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    post("/api/v1/notifications/notification-admin~gs-list-later/cancel", "");
  }

  static String groupRequest(String key, String group) {
    return "{\"idempotencyKey\":\"" + key + "\",\"channels\":[\"EMAIL\"],\"group\":\"" + group + "\","
        + "\"subject\":\"News\",\"body\":\"Hello\"}";
  }

  private static List<Map<String, Object>> errors(Map<String, Object> problem) {
    return (List<Map<String, Object>>) problem.get("errors");
  }

  private void logNotification(String key, String channels, String status, String group, int audience) {
    jdbc.update("""
        insert into notification (id, idempotency_key, sender, channels, priority, status, subject, recipient_count,
                                  group_key, created_at, updated_at)
        values (?, ?, 'it', ?, 'NORMAL', ?, 'News', ?, ?, now(), now())""",
        "notification-admin~" + key, key, channels, status, audience, group);
  }

  private void logDeliveries(String key, String channel, String... statuses) {
    for (int i = 0; i < statuses.length; i++) {
      jdbc.update("""
          insert into delivery (id, notification_id, channel, recipient, status, recipient_seq, recipient_id,
                                updated_at)
          values (?, ?, ?, ?, ?, ?, ?, now())""", "notification-admin~" + key + "/" + channel + "/" + i,
          "notification-admin~" + key, channel, key + "-" + i + "@it.example", statuses[i], i, key + "-member-" + i);
    }
  }
}
