package dev.herald.api.approval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Four-eyes approvals: a send above the threshold is decided by an admin who neither sent it (its
 * sender identity) nor asked for it (its API key), recorded from the credential; the same rule holds
 * for a decision signalled straight to the workflow, which refuses it visibly and waits on.
 */
class FourEyesIT extends HeraldIntegrationTest {

  @Autowired WorkflowClient client;

  @Test
  void theAdminKeyThatAskedForASendMayNotApproveIt() {
    String id = largeSend(ADMIN_KEY, "fe-own-key", "fe-shop");

    var refused = decide(ADMIN_KEY, id, "{\"decision\":\"APPROVE\"}");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).containsEntry("type", "/problems/four-eyes")
        .containsEntry("detail", "the API key itadmin0 requested this send and may not decide on it (four-eyes)");
    assertThat(get("/api/v1/notifications/" + id).getBody()).containsEntry("status", "PENDING_APPROVAL")
        .containsEntry("requestedByKey", "itadmin0");
  }

  @Test
  void anAdminWhoseIdentitySentItMayNotApproveIt() {
    String id = largeSend(senderKey("fe-sender"), "fe-own-identity", null);
    String sameIdentity = createKey("fe-sender", "ADMIN");

    var refused = decide(sameIdentity, id, "{\"decision\":\"REJECT\"}");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).containsEntry("detail", "'fe-sender' requested this send and may not decide on it "
        + "(four-eyes)");
  }

  @Test
  void anotherAdminApprovesAndIsRecordedFromItsCredential() {
    String senderKey = senderKey("fe-other");
    String id = largeSend(senderKey, "fe-approved", null);

    var approved = approve(id, "{\"decision\":\"APPROVE\",\"comment\":\"checked\",\"approver\":\"" + APPROVER + "\"}");

    assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus(id, "COMPLETED");
    Map<String, Object> view = get("/api/v1/notifications/" + id).getBody();
    assertThat(view).containsEntry("requestedByKey", prefixOf(senderKey));
    assertThat((Map<String, Object>) view.get("approval")).containsEntry("decision", "APPROVE")
        .containsEntry("decidedBy", APPROVER).containsEntry("decidedByKey", prefixOf(approverKey()))
        .containsEntry("comment", "checked");
  }

  @Test
  void anApproverInTheBodyIsNeverTakenOverTheCredential() {
    String id = largeSend(senderKey("fe-body"), "fe-named-approver", null);

    var refused = approve(id, "{\"decision\":\"APPROVE\",\"approver\":\"grace\"}");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
        .anySatisfy(e -> assertThat(e).containsEntry("field", "approver"));
    assertThat(get("/api/v1/notifications/" + id).getBody()).containsEntry("status", "PENDING_APPROVAL");
  }

  @Test
  void aSignalFromTheRequesterIsRefusedVisiblyAndTheWaitGoesOn() {
    String id = largeSend(senderKey("fe-signal"), "fe-signalled", null);

    client.newUntypedWorkflowStub(id).signal("decide", Map.of("decision", "APPROVE", "approver", "fe-signal"));

    awaitDetail(id, "refused a decision from 'fe-signal': 'fe-signal' requested this send and may not decide on it "
        + "(four-eyes)");
    assertThat(pendingIds()).contains(id);

    client.newUntypedWorkflowStub(id).signal("decide", Map.of("decision", "approve", "approver", "ops-alice"));

    awaitStatus(id, "COMPLETED");
    assertThat((Map<String, Object>) get("/api/v1/notifications/" + id).getBody().get("approval"))
        .containsEntry("decidedBy", "ops-alice").containsEntry("decidedByKey", null);
  }

  /** Three recipients, above the tests' threshold of two; waits until the send waits for approval. */
  private String largeSend(String key, String idempotencyKey, String sender) {
    String senderField = sender == null ? "" : "\"sender\":\"" + sender + "\",";
    var accepted = http(key).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body("{" + senderField + "\"idempotencyKey\":\"" + idempotencyKey + "\",\"channels\":[\"EMAIL\"],"
            + "\"recipients\":[{\"email\":\"fe1@it.example\"},{\"email\":\"fe2@it.example\"},{\"email\":\"fe3@it.example\"}],"
            + "\"subject\":\"Launch\",\"body\":\"We launched.\"}")
        .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    String id = (String) accepted.getBody().get("id");
    awaitStatus(id, "PENDING_APPROVAL");
    return id;
  }

  private ResponseEntity<Map<String, Object>> decide(String key, String id, String body) {
    return http(key).post().uri("/api/v1/notifications/{id}/approval", id).contentType(MediaType.APPLICATION_JSON)
        .body(body).retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  private List<String> pendingIds() {
    List<Map<String, Object>> pending = http().get().uri("/api/v1/approvals?size=100").retrieve()
        .body(new ParameterizedTypeReference<>() {});
    return pending.stream().map(p -> (String) p.get("notificationId")).toList();
  }

  private void awaitDetail(String id, String detail) {
    org.awaitility.Awaitility.await().atMost(DELIVERY_WAIT).untilAsserted(() -> assertThat(
        (String) get("/api/v1/notifications/" + id).getBody().get("statusDetail")).contains(detail));
  }

  private static String prefixOf(String key) {
    return key.split("_")[1];
  }
}
