package dev.herald.api.console.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The console's approvals page: admins only; a waiting send with who asked, its audience and its
 * message; approve or reject with a comment through the API's decision, four-eyes included (the
 * admin who asked sees no buttons, and its forged decision is refused before anything is signalled).
 */
class ApprovalsPageIT extends HeraldIntegrationTest {

  private static final String PAGE = "/console/approvals";

  @Test
  void aSenderIsRefusedThePageAndDoesNotSeeItInItsMenu() {
    ConsoleClient sender = new ConsoleClient(port);
    sender.signIn(senderKey("ap-menu"));

    HttpResponse<String> refused = sender.get(PAGE);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Not allowed").doesNotContain("href=\"/console/approvals\"");
    ConsoleClient admin = new ConsoleClient(port);
    admin.signIn(approverKey());
    assertThat(admin.get("/console/sign-in").body()).contains("href=\"/console/approvals\"");
    assertThat(new ConsoleClient(port).get(PAGE).headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/console/sign-in?next=%2Fconsole%2Fapprovals"));
  }

  @Test
  void anotherAdminApprovesWithACommentAndTheSendGoesOn() {
    String senderKey = senderKey("ap-shop");
    String id = largeSend(senderKey, "ap-approved", null);
    ConsoleClient approver = new ConsoleClient(port);
    approver.signIn(approverKey());

    String card = card(approver.get(PAGE), id);
    assertThat(card).contains("Launch", "ap-shop", prefixOf(senderKey), "3 recipients", "We launched.", "EMAIL")
        .contains("value=\"APPROVE\"", "value=\"REJECT\"", ">Comment</label>");

    HttpResponse<String> decided = approver.post(PAGE + "/decision",
        Map.of("id", id, "decision", "APPROVE", "comment", "checked the list, 확인"));

    assertThat(decided.statusCode()).isEqualTo(302);
    assertThat(decided.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(PAGE));
    HttpResponse<String> after = approver.get(PAGE);
    assertThat(after.body()).contains("Approved " + id + ".").doesNotContain("<code>" + id + "</code>");
    awaitStatus(id, "COMPLETED");
    assertThat(approval(id)).containsEntry("decision", "APPROVE").containsEntry("comment", "checked the list, 확인")
        .containsEntry("decidedBy", APPROVER).containsEntry("decidedByKey", prefixOf(approverKey()));
    assertThat(approver.get(PAGE).body()).doesNotContain(id);
  }

  @Test
  void anotherAdminRejectsWithAComment() {
    String id = largeSend(senderKey("ap-shop"), "ap-rejected", null);
    ConsoleClient approver = new ConsoleClient(port);
    approver.signIn(approverKey());
    approver.get(PAGE);

    HttpResponse<String> decided = approver.post(PAGE + "/decision",
        Map.of("id", id, "decision", "REJECT", "comment", "wrong audience"));

    assertThat(decided.statusCode()).isEqualTo(302);
    assertThat(approver.get(PAGE).body()).contains("Rejected " + id + ".");
    awaitStatus(id, "REJECTED");
    assertThat(approval(id)).containsEntry("decision", "REJECT").containsEntry("comment", "wrong audience");
  }

  @Test
  void theAdminWhoAskedSeesNoButtonsAndItsForgedDecisionIsRefusedWithNothingSignalled() {
    String id = largeSend(ADMIN_KEY, "ap-own", "ap-billing");
    ConsoleClient requester = new ConsoleClient(port);
    requester.signIn(ADMIN_KEY);

    String card = card(requester.get(PAGE), id);
    assertThat(card).contains("another admin must approve or").doesNotContain("value=\"APPROVE\"")
        .doesNotContain("<form");

    HttpResponse<String> forged = requester.post(PAGE + "/decision", Map.of("id", id, "decision", "APPROVE", "comment", ""));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("Needs a second person", "the API key itadmin0 requested this send");
    Map<String, Object> view = get("/api/v1/notifications/" + id).getBody();
    assertThat(view).containsEntry("status", "PENDING_APPROVAL").containsEntry("approval", null);
    assertThat((String) view.get("statusDetail")).doesNotContain("refused");
  }

  @Test
  void aDecisionOnASendNoLongerWaitingShowsTheWrongStateMessage() {
    String id = largeSend(senderKey("ap-shop"), "ap-late", null);
    ConsoleClient approver = new ConsoleClient(port);
    approver.signIn(approverKey());
    approver.get(PAGE);
    approve(id, "{\"decision\":\"REJECT\"}");
    awaitStatus(id, "REJECTED");

    HttpResponse<String> late = approver.post(PAGE + "/decision", Map.of("id", id, "decision", "APPROVE", "comment", ""));

    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("Not possible in the current state", id);
    assertThat(approval(id)).containsEntry("decision", "REJECT");
  }

  @Test
  void aCommentTooLongIsShownBesideTheFieldKeptAsTypedAndNothingIsDecided() {
    String id = largeSend(senderKey("ap-shop"), "ap-long-comment", null);
    ConsoleClient approver = new ConsoleClient(port);
    approver.signIn(approverKey());
    approver.get(PAGE);
    String typed = "x".repeat(1001);

    HttpResponse<String> refused = approver.post(PAGE + "/decision", Map.of("id", id, "decision", "APPROVE", "comment", typed));

    assertThat(refused.statusCode()).isEqualTo(400);
    String card = card(refused, id);
    assertThat(card).contains("aria-invalid=\"true\"", "aria-describedby=\"comment-error\"", "id=\"comment-error\"", typed);
    assertThat(get("/api/v1/notifications/" + id).getBody()).containsEntry("status", "PENDING_APPROVAL");
  }

  @Test
  void aTemplatedBroadcastIsPreviewedPerChannelWithTheRequestsVariables() {
    String key = senderKey("ap-tpl");
    for (String member : new String[] {"ap-ada", "ap-minji", "ap-linus"}) {
      call(key, "PUT", "/api/v1/recipients/" + member, "{\"name\":\"" + member + "\",\"email\":\"" + member + "@it.example\"}");
    }
    call(key, "POST", "/api/v1/groups", "{\"key\":\"ap-vip\",\"name\":\"VIP\"}");
    call(key, "POST", "/api/v1/groups/ap-vip/members", "{\"recipientIds\":[\"ap-ada\",\"ap-minji\",\"ap-linus\"]}");
    call(key, "POST", "/api/v1/templates", "{\"key\":\"ap-vip-sale\",\"description\":\"VIP sale\"}");
    call(key, "POST", "/api/v1/templates/ap-vip-sale/versions", "{\"defaults\":{"
        + "\"email\":{\"subject\":\"{{recipient.name}}, your {{discount}} VIP discount\",\"text\":\"이번 주만 {{discount}} 할인\"},"
        + "\"sms\":{\"body\":\"{{discount}} off, {{recipient.name}}\"}}}");
    call(key, "POST", "/api/v1/templates/ap-vip-sale/versions/1/publish", "");
    var accepted = call(key, "POST", "/api/v1/notifications", "{\"idempotencyKey\":\"ap-vip-1\",\"channels\":[\"EMAIL\","
        + "\"SMS\"],\"group\":\"ap-vip\",\"template\":\"ap-vip-sale\",\"variables\":{\"discount\":\"20%\"}}");
    assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
    String id = (String) accepted.getBody().get("id");
    awaitStatus(id, "PENDING_APPROVAL");
    ConsoleClient approver = new ConsoleClient(port);
    approver.signIn(approverKey());

    String card = card(approver.get(PAGE), id);

    assertThat(card).contains("3 recipients", "the group <code>ap-vip</code>", "ap-vip-sale", "version <span>1</span>")
        .contains("{{recipient.name}}, your 20% VIP discount", "이번 주만 20% 할인", "20% off, {{recipient.name}}")
        .contains("<h4>EMAIL</h4>", "<h4>SMS</h4>");
  }

  @Test
  void aTemplateMustacheCannotRenderIsAWarningInItsCardAndThePageStays() {
    String key = senderKey("ap-dots");
    call(key, "POST", "/api/v1/templates", "{\"key\":\"ap-dots\"}");
    call(key, "POST", "/api/v1/templates/ap-dots/versions", "{\"defaults\":{\"email\":{\"subject\":\"Sale\","
        + "\"text\":\"{{#discount}}{{..}} off{{/discount}}\"}}}");
    call(key, "POST", "/api/v1/templates/ap-dots/versions/1/publish", "");
    var accepted = call(key, "POST", "/api/v1/notifications", "{\"idempotencyKey\":\"ap-dots-1\",\"channels\":[\"EMAIL\"],"
        + "\"recipients\":[{\"email\":\"ap-dots1@it.example\"},{\"email\":\"ap-dots2@it.example\"},"
        + "{\"email\":\"ap-dots3@it.example\"}],\"template\":\"ap-dots\",\"variables\":{\"discount\":\"20%\"}}");
    assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(202);
    String id = (String) accepted.getBody().get("id");
    awaitStatus(id, "PENDING_APPROVAL");
    ConsoleClient approver = new ConsoleClient(port);
    approver.signIn(approverKey());

    HttpResponse<String> page = approver.get(PAGE);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(card(page, id)).contains("email.text: Mustache cannot render it");
  }

  /** Three recipients, above the tests' threshold of two; waits until the send waits for approval. */
  private String largeSend(String key, String idempotencyKey, String sender) {
    String senderField = sender == null ? "" : "\"sender\":\"" + sender + "\",";
    var accepted = call(key, "POST", "/api/v1/notifications", "{" + senderField + "\"idempotencyKey\":\"" + idempotencyKey
        + "\",\"channels\":[\"EMAIL\"],\"recipients\":[{\"email\":\"ap1@it.example\"},{\"email\":\"ap2@it.example\"},"
        + "{\"email\":\"ap3@it.example\"}],\"subject\":\"Launch\",\"body\":\"We launched.\"}");
    assertThat(accepted.getStatusCode().value()).isEqualTo(202);
    String id = (String) accepted.getBody().get("id");
    awaitStatus(id, "PENDING_APPROVAL");
    return id;
  }

  private ResponseEntity<Map<String, Object>> call(String key, String method, String path, String json) {
    return http(key).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> approval(String id) {
    return (Map<String, Object>) get("/api/v1/notifications/" + id).getBody().get("approval");
  }

  /** The page's card of this notification: from its id to the end of its article. */
  private static String card(HttpResponse<String> page, String id) {
    String body = page.body();
    int at = body.indexOf("<code>" + id + "</code>");
    assertThat(at).as("the page shows %s", id).isNotNegative();
    int start = body.lastIndexOf("<article", at);
    return body.substring(start, body.indexOf("</article>", at));
  }

  private static String prefixOf(String key) {
    return key.split("_")[1];
  }
}
