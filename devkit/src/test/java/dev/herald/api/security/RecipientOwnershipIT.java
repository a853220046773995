package dev.herald.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Recipients, groups, devices and inboxes belong to a sender: sender B never reads, changes, deletes,
 * imports into, sends to or reaches the devices and inbox of sender A's, and its own of the same id or
 * key are its own, without a conflict that would tell it A's exist. An admin reaches A's by naming A.
 */
class RecipientOwnershipIT extends HeraldIntegrationTest {

  private static final String A = "own-a";
  private static final String B = "own-b";

  private String senderA;
  private String senderB;

  @BeforeEach
  void keysOfAAndB() {
    senderA = senderKey(A);
    senderB = senderKey(B);
  }

  @Test
  void senderBCannotReadReplaceOrDeleteAsRecipientAndItsOwnOfTheSameIdIsAnother() {
    assertThat(call(senderA, "PUT", "/api/v1/recipients/own-ada", "{\"name\":\"Ada\",\"email\":\"ada@a.example\"}")
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);

    var read = call(senderB, "GET", "/api/v1/recipients/own-ada", null);
    var deleted = call(senderB, "DELETE", "/api/v1/recipients/own-ada", null);
    var putByB = call(senderB, "PUT", "/api/v1/recipients/own-ada", "{\"name\":\"Not Ada\",\"email\":\"x@b.example\"}");

    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(putByB.getStatusCode()).as("B's own recipient, no conflict").isEqualTo(HttpStatus.CREATED);
    assertThat(putByB.getBody()).containsEntry("owner", B);
    assertThat(call(senderA, "GET", "/api/v1/recipients/own-ada", null).getBody())
        .containsEntry("owner", A).containsEntry("name", "Ada").containsEntry("email", "ada@a.example");
    assertThat(call(ADMIN_KEY, "GET", "/api/v1/recipients/own-ada?owner=" + A, null).getBody())
        .containsEntry("name", "Ada");
    assertThat(call(ADMIN_KEY, "GET", "/api/v1/recipients/own-ada?owner=" + B, null).getBody())
        .containsEntry("name", "Not Ada");
  }

  @Test
  void aSenderNamingAnotherOwnerIsRefusedAndListsShowOnlyItsOwn() {
    call(senderA, "PUT", "/api/v1/recipients/own-list-a", "{}");
    call(senderB, "PUT", "/api/v1/recipients/own-list-b", "{}");

    var named = call(senderB, "GET", "/api/v1/recipients?owner=" + A, null);

    assertThat(named.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(named)).containsExactly(Map.of("field", "owner", "message", "differs from this credential's "
        + "sender '" + B + "': a sender works on its own recipients and groups (leave owner out)"));
    assertThat(ids(call(senderA, "GET", "/api/v1/recipients?after=own-list&limit=1000", null), "id"))
        .contains("own-list-a").doesNotContain("own-list-b");
    assertThat(ids(call(senderB, "GET", "/api/v1/recipients?after=own-list&limit=1000", null), "id"))
        .contains("own-list-b").doesNotContain("own-list-a");
    assertThat(ids(call(ADMIN_KEY, "GET", "/api/v1/recipients?owner=" + A + "&after=own-list&limit=1000", null), "id"))
        .contains("own-list-a").doesNotContain("own-list-b");
  }

  @Test
  void anImportWritesOnlyTheCallersOwnRecipients() {
    call(senderA, "PUT", "/api/v1/recipients/own-imported", "{\"name\":\"A's\"}");

    var imported = http(senderB).post().uri("/api/v1/recipients/import")
        .contentType(MediaType.parseMediaType("application/x-ndjson"))
        .body("{\"id\":\"own-imported\",\"name\":\"B's\"}\n").retrieve().toEntity(MAP);

    assertThat(imported.getBody()).containsEntry("created", 1).containsEntry("updated", 0);
    assertThat(call(senderA, "GET", "/api/v1/recipients/own-imported", null).getBody()).containsEntry("name", "A's");
    assertThat(call(senderB, "GET", "/api/v1/recipients/own-imported", null).getBody()).containsEntry("name", "B's");
  }

  @Test
  void senderBCannotSeeChangeOrDeleteAsGroupAndItsOwnKeyIsNoConflict() {
    call(senderA, "PUT", "/api/v1/recipients/own-grace", "{\"email\":\"grace@a.example\"}");
    call(senderA, "POST", "/api/v1/groups", "{\"key\":\"own-team\",\"name\":\"A's team\"}");
    call(senderA, "POST", "/api/v1/groups/own-team/members", "{\"recipientIds\":[\"own-grace\"]}");

    assertThat(call(senderB, "GET", "/api/v1/groups/own-team", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(senderB, "GET", "/api/v1/groups/own-team/members", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(senderB, "PATCH", "/api/v1/groups/own-team", "{\"name\":\"Taken\"}").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(senderB, "POST", "/api/v1/groups/own-team/members", "{\"recipientIds\":[\"own-grace\"]}")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(senderB, "DELETE", "/api/v1/groups/own-team/members", "{\"recipientIds\":[\"own-grace\"]}")
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(call(senderB, "DELETE", "/api/v1/groups/own-team", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    var bsOwn = call(senderB, "POST", "/api/v1/groups", "{\"key\":\"own-team\",\"name\":\"B's team\"}");
    var addAsMember = call(senderB, "POST", "/api/v1/groups/own-team/members", "{\"recipientIds\":[\"own-grace\"]}");

    assertThat(bsOwn.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(addAsMember.getBody()).as("A's recipient is unknown to B")
        .containsEntry("added", 0).containsEntry("unknown", List.of("own-grace"));
    assertThat(call(senderA, "GET", "/api/v1/groups/own-team", null).getBody())
        .containsEntry("name", "A's team").containsEntry("size", 1).containsEntry("owner", A);
    assertThat(ids(call(ADMIN_KEY, "GET", "/api/v1/groups/own-team/members?owner=" + A, null), "id"))
        .containsExactly("own-grace");
    assertThat(ids(call(senderB, "GET", "/api/v1/groups?after=own-&limit=1000", null), "key"))
        .containsExactly("own-team");
  }

  @Test
  void senderBCannotSendToAsGroupOrStoredRecipientWhileAnAdminSendingForAcan() {
    call(senderA, "PUT", "/api/v1/recipients/own-linus", "{\"email\":\"linus@a.example\"}");
    call(senderA, "POST", "/api/v1/groups", "{\"key\":\"own-send-group\",\"name\":\"A's\"}");
    call(senderA, "POST", "/api/v1/groups/own-send-group/members", "{\"recipientIds\":[\"own-linus\"]}");

    var toAsGroup = call(senderB, "POST", "/api/v1/notifications", "{\"idempotencyKey\":\"own-g-1\","
        + "\"channels\":[\"EMAIL\"],\"group\":\"own-send-group\",\"subject\":\"s\",\"body\":\"b\"}");
    var toAsId = call(senderB, "POST", "/api/v1/notifications", "{\"idempotencyKey\":\"own-r-1\","
        + "\"channels\":[\"EMAIL\"],\"recipients\":[{\"id\":\"own-linus\"}],\"subject\":\"s\",\"body\":\"b\"}");
    var toUnknownId = call(senderB, "POST", "/api/v1/notifications", "{\"idempotencyKey\":\"own-r-2\","
        + "\"channels\":[\"EMAIL\"],\"recipients\":[{\"id\":\"own-nobody\"}],\"subject\":\"s\",\"body\":\"b\"}");
    var adminForA = call(ADMIN_KEY, "POST", "/api/v1/notifications", "{\"idempotencyKey\":\"own-admin-1\","
        + "\"sender\":\"" + A + "\",\"channels\":[\"EMAIL\"],\"group\":\"own-send-group\",\"subject\":\"s\",\"body\":\"b\"}");
    var aById = call(senderA, "POST", "/api/v1/notifications", "{\"idempotencyKey\":\"own-a-1\","
        + "\"channels\":[\"EMAIL\"],\"recipients\":[{\"id\":\"own-linus\"}],\"subject\":\"s\",\"body\":\"b\"}");

    assertThat(toAsGroup.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(toAsGroup)).containsExactly(
        Map.of("field", "group", "message", "no group has the key 'own-send-group'"));
    assertThat(toAsId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errors(toAsId)).as("as for an id B never stored").isEqualTo(errors(toUnknownId))
        .extracting(e -> e.get("field")).containsExactly("recipients[0].email");
    assertThat(adminForA.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(aById.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus("notification-" + A + "~own-admin-1", "COMPLETED");
    awaitStatus("notification-" + A + "~own-a-1", "COMPLETED");
    assertThat(mailsTo("linus@a.example")).hasSize(2);
  }

  @Test
  void senderBReachesNeitherTheDevicesNorTheInboxOfAsRecipient() {
    call(senderA, "PUT", "/api/v1/recipients/own-mia", "{}");
    call(senderA, "POST", "/api/v1/recipients/own-mia/devices", "{\"token\":\"own-mia-phone\",\"platform\":\"ANDROID\"}");
    call(senderA, "POST", "/api/v1/notifications", "{\"idempotencyKey\":\"own-inbox-1\",\"channels\":[\"IN_APP\"],"
        + "\"recipients\":[{\"id\":\"own-mia\"}],\"subject\":\"For Mia\",\"body\":\"From A\"}");
    awaitStatus("notification-" + A + "~own-inbox-1", "COMPLETED");
    String tokenOfA = mint(senderA, "own-mia");
    String tokenOfB = mint(senderB, "own-mia");

    assertThat(devices(senderB, "/api/v1/recipients/own-mia/devices")).isEmpty();
    assertThat(devices(tokenOfB, "/api/v1/recipients/own-mia/devices")).isEmpty();
    assertThat(call(senderB, "DELETE", "/api/v1/recipients/own-mia/devices/own-mia-phone", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(devices(tokenOfA, "/api/v1/recipients/own-mia/devices"))
        .singleElement().satisfies(device -> assertThat(device).containsEntry("owner", A));
    assertThat(devices(ADMIN_KEY, "/api/v1/recipients/own-mia/devices?owner=" + A)).hasSize(1);

    assertThat(items(call(senderB, "GET", "/api/v1/inbox?recipientId=own-mia", null))).isEmpty();
    assertThat(items(call(tokenOfB, "GET", "/api/v1/inbox", null))).isEmpty();
    assertThat(call(tokenOfB, "GET", "/api/v1/inbox/unread-count", null).getBody()).containsEntry("unread", 0);
    assertThat(items(call(tokenOfA, "GET", "/api/v1/inbox", null))).singleElement()
        .satisfies(item -> assertThat(item).containsEntry("title", "For Mia"));
    assertThat(items(call(ADMIN_KEY, "GET", "/api/v1/inbox?recipientId=own-mia&owner=" + A, null))).hasSize(1);
  }

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

  private ResponseEntity<Map<String, Object>> call(String credential, String method, String path, String json) {
    var request = http(credential).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return request.retrieve().toEntity(MAP);
  }

  private String mint(String credential, String recipientId) {
    var minted = call(credential, "POST", "/api/v1/recipients/" + recipientId + "/token", null);
    assertThat(minted.getStatusCode()).isEqualTo(HttpStatus.OK);
    return (String) minted.getBody().get("token");
  }

  private List<Map<String, Object>> devices(String credential, String path) {
    var answer = http(credential).get().uri(path).retrieve()
        .toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> page) {
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    return (List<Map<String, Object>>) page.getBody().get("items");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> ids(ResponseEntity<Map<String, Object>> page, String field) {
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) page.getBody().get("items")).stream().map(item -> item.get(field)).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> problem) {
    return (List<Map<String, Object>>) problem.getBody().get("errors");
  }
}
