package dev.herald.api.console.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * The console's Groups page: a group created with members, members added and removed, renamed and
 * deleted after a second step, by the API's rules; a sender's own only.
 */
class ConsoleGroupsIT extends HeraldIntegrationTest {

  @Test
  void aGroupCreatedWithMembersThenChangedHasTheSizesTheApiShows() {
    String key = senderKey("con-grp-members");
    for (String id : List.of("cgm-a", "cgm-b", "cgm-c")) {
      put(key, id);
    }
    ConsoleClient browser = signedIn(key);
    browser.get("/console/groups");

    HttpResponse<String> created = browser.post("/console/groups", Map.of("key", "cgm-team", "name", "팀 A",
        "members", "cgm-a\r\n cgm-b \r\n\r\ncgm-c\r\n"));

    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(location(created)).isEqualTo("/console/groups/cgm-team");
    HttpResponse<String> page = browser.get("/console/groups/cgm-team");
    assertThat(page.body()).contains("Group cgm-team created: 3 members added.", "Group 팀 A", ">cgm-a<", ">cgm-c<");
    assertThat(group(key, "cgm-team")).containsEntry("size", 3).containsEntry("name", "팀 A");

    HttpResponse<String> removed = browser.post("/console/groups/cgm-team/members/remove", Map.of("recipientIds", "cgm-b"));

    assertThat(browser.get(location(removed)).body()).contains("1 member removed.");
    assertThat(group(key, "cgm-team")).containsEntry("size", 2);
    assertThat(memberIds(key, "cgm-team")).containsExactly("cgm-a", "cgm-c");

    HttpResponse<String> added = browser.post("/console/groups/cgm-team/members", Map.of("recipientIds", "cgm-b\ncgm-a\nnobody"));

    assertThat(browser.get(location(added)).body())
        .contains("1 member added, 1 recipient already in the group; no recipient has the id nobody.");
    assertThat(memberIds(key, "cgm-team")).containsExactly("cgm-a", "cgm-b", "cgm-c");
    assertThat(browser.get("/console/groups").body()).contains(">cgm-team<", "팀 A", ">3<");
  }

  @Test
  void invalidInputIsA400WithTheErrorBesideTheFieldAndNothingDone() {
    String key = senderKey("con-grp-invalid");
    ConsoleClient browser = signedIn(key);
    browser.get("/console/groups");

    HttpResponse<String> refused = browser.post("/console/groups", Map.of("key", "no spaces", "name", " ",
        "members", "ok\nbad/id"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"key-error\"", "id=\"name-error\"", "id=\"recipientIds-error\"",
            "&#39;bad/id&#39; must not contain", "value=\"no spaces\"")
        .containsPattern("id=\"key\"[^>]*aria-invalid=\"true\"");
    assertThat(groups(key)).isEmpty();

    browser.post("/console/groups", Map.of("key", "cgi-taken", "name", "First"));
    browser.get("/console/groups");
    HttpResponse<String> taken = browser.post("/console/groups", Map.of("key", "cgi-taken", "name", "Second"));

    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(taken.body()).contains("id=\"key-error\"", "is taken");
    assertThat(group(key, "cgi-taken")).containsEntry("name", "First");

    browser.get("/console/groups/cgi-taken");
    HttpResponse<String> noneTicked = browser.post("/console/groups/cgi-taken/members/remove", Map.of());
    assertThat(noneTicked.statusCode()).isEqualTo(400);
    HttpResponse<String> blankName = browser.post("/console/groups/cgi-taken/rename", Map.of("name", ""));
    assertThat(blankName.statusCode()).isEqualTo(400);
    assertThat(blankName.body()).contains("id=\"name-error\"");
    assertThat(group(key, "cgi-taken")).containsEntry("name", "First");
  }

  @Test
  void renameAndDeleteAfterASecondStep() {
    String key = senderKey("con-grp-rename");
    put(key, "cgr-a");
    ConsoleClient browser = signedIn(key);
    browser.get("/console/groups");
    browser.post("/console/groups", Map.of("key", "cgr-team", "name", "Old name", "members", "cgr-a"));
    browser.get("/console/groups/cgr-team");

    browser.post("/console/groups/cgr-team/rename", Map.of("name", "  새 이름  "));

    assertThat(group(key, "cgr-team")).containsEntry("name", "새 이름");
    assertThat(browser.get("/console/groups/cgr-team/delete").body()).contains("Delete group 새 이름?", ">Delete</button>");
    assertThat(group(key, "cgr-team")).containsEntry("size", 1);

    HttpResponse<String> deleted = browser.post("/console/groups/cgr-team/delete", Map.of());

    assertThat(browser.get(location(deleted)).body()).contains("Group cgr-team deleted");
    assertThat(http(key).get().uri("/api/v1/groups/cgr-team").retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(404);
    assertThat(http(key).get().uri("/api/v1/recipients/cgr-a").retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void anotherSendersGroupIsNotFound() {
    String owner = senderKey("con-grp-owner");
    put(owner, "cgo-a");
    http(owner).post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
        .body("{\"key\":\"cgo-team\",\"name\":\"Theirs\"}").retrieve().toBodilessEntity();
    ConsoleClient other = signedIn(senderKey("con-grp-stranger"));
    other.get("/console/groups");

    assertThat(other.get("/console/groups/cgo-team").statusCode()).isEqualTo(404);
    assertThat(other.get("/console/groups/cgo-team/delete").statusCode()).isEqualTo(404);
    assertThat(other.post("/console/groups/cgo-team/members", Map.of("recipientIds", "cgo-a")).statusCode()).isEqualTo(404);
    assertThat(other.post("/console/groups/cgo-team/rename", Map.of("name", "Mine now")).statusCode()).isEqualTo(404);
    assertThat(other.post("/console/groups/cgo-team/delete", Map.of()).statusCode()).isEqualTo(404);
    assertThat(other.get("/console/groups").body()).doesNotContain("cgo-team");
    assertThat(group(owner, "cgo-team")).containsEntry("name", "Theirs").containsEntry("size", 0);
  }

  @Test
  void anAdminWorksOnASendersGroupsByNamingTheOwner() {
    String owner = senderKey("con-grp-admin-owner");
    put(owner, "cga-a");
    ConsoleClient admin = signedIn(ADMIN_KEY);
    admin.get("/console/groups?owner=con-grp-admin-owner");

    HttpResponse<String> created = admin.post("/console/groups?owner=con-grp-admin-owner",
        Map.of("key", "cga-team", "name", "Made by an admin", "members", "cga-a"));

    assertThat(location(created)).isEqualTo("/console/groups/cga-team?owner=con-grp-admin-owner");
    assertThat(group(owner, "cga-team")).containsEntry("size", 1).containsEntry("owner", "con-grp-admin-owner");
    assertThat(admin.get("/console/groups/cga-team").statusCode()).isEqualTo(404);
  }

  @Test
  void aBrowserNotSignedInIsSentToSignIn() {
    HttpResponse<String> page = new ConsoleClient(port).get("/console/groups/any");

    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(location(page)).startsWith("/console/sign-in?next=");
  }

  private ConsoleClient signedIn(String key) {
    ConsoleClient browser = new ConsoleClient(port);
    assertThat(browser.signIn(key).statusCode()).isEqualTo(302);
    return browser;
  }

  private void put(String key, String id) {
    var response = http(key).put().uri("/api/v1/recipients/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .body("{\"email\":\"" + id + "@example.com\"}").retrieve().toBodilessEntity();
    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.toString()).isTrue();
  }

  private Map<String, Object> group(String key, String groupKey) {
    return http(key).get().uri("/api/v1/groups/{key}", groupKey).retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
  }

  private List<Map<String, Object>> groups(String key) {
    Map<String, Object> page = http(key).get().uri("/api/v1/groups").retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
    return items;
  }

  private List<Object> memberIds(String key, String groupKey) {
    Map<String, Object> page = http(key).get().uri("/api/v1/groups/{key}/members", groupKey).retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
    return ((List<?>) page.get("items")).stream().map(m -> ((Map<?, ?>) m).get("id")).map(Object.class::cast).toList();
  }

  private static String location(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("/console"));
  }
}
