package dev.herald.api.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/** Admins see what waits for them, with who asked and for how many; a decision takes it off the queue. */
class ApprovalQueueIT extends HeraldIntegrationTest {

  @Test
  void pendingBroadcastIsListedUntilDecided() {
    post("/api/v1/notifications", "{\"idempotencyKey\":\"queue-1\",\"sender\":\"marketing\",\"channels\":[\"EMAIL\"],"
        + "\"recipients\":[{\"email\":\"q1@it.example\"},{\"email\":\"q2@it.example\"},{\"email\":\"q3@it.example\"}],"
        + "\"subject\":\"Spring sale\",\"body\":\"20% off\"}");
    awaitStatus("notification-marketing~queue-1", "PENDING_APPROVAL");

    assertThat(pending()).filteredOn(p -> "notification-marketing~queue-1".equals(p.get("notificationId"))).singleElement()
        .satisfies(p -> assertThat(p).containsEntry("requester", "marketing").containsEntry("requestedByKey", "itadmin0")
            .containsEntry("audienceSize", 3)
            .containsEntry("subject", "Spring sale")
            .containsEntry("reason", "audience of 3 is above the approval threshold of 2"));

    approve("notification-marketing~queue-1", "{\"decision\":\"REJECT\",\"comment\":\"not this week\"}");
    awaitStatus("notification-marketing~queue-1", "REJECTED");

    assertThat(pending()).noneMatch(p -> "notification-marketing~queue-1".equals(p.get("notificationId")));
  }

  @Test
  void templatedBroadcastShowsTheTemplateVersionToPreview() {
    post("/api/v1/templates", "{\"key\":\"it-approval-tpl\",\"owner\":\"marketing\"}");
    post("/api/v1/templates/it-approval-tpl/versions", "{\"defaults\":{\"email\":{\"subject\":\"Sale\",\"text\":\"20% off\"}}}");
    post("/api/v1/templates/it-approval-tpl/versions/1/publish", "");
    post("/api/v1/notifications", "{\"idempotencyKey\":\"queue-tpl-1\",\"channels\":[\"EMAIL\"],\"template\":\"it-approval-tpl\","
        + "\"recipients\":[{\"email\":\"t1@it.example\"},{\"email\":\"t2@it.example\"},{\"email\":\"t3@it.example\"}]}");
    awaitStatus("notification-admin~queue-tpl-1", "PENDING_APPROVAL");

    assertThat(pending()).filteredOn(p -> "notification-admin~queue-tpl-1".equals(p.get("notificationId"))).singleElement()
        .satisfies(p -> assertThat((Map<String, Object>) p.get("template"))
            .containsEntry("key", "it-approval-tpl").containsEntry("version", 1));
  }

  @Test
  void pageSizeIsBounded() {
    assertThat(get("/api/v1/approvals?size=0").getStatusCode().value()).isEqualTo(400);
  }

  private List<Map<String, Object>> pending() {
    return http().get().uri("/api/v1/approvals").retrieve().body(new ParameterizedTypeReference<>() {});
  }
}
