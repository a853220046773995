package dev.herald.api.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Groups over REST: create, rename, delete, list; members added, removed and paged; problems naming the field. */
class GroupApiIT extends HeraldIntegrationTest {

  @Test
  void aGroupIsCreatedRenamedShownWithItsSizeAndDeleted() {
    var created = post("/api/v1/groups", "{\"key\":\"gapi-vip\",\"name\":\"VIPs\"}");
    var duplicate = post("/api/v1/groups", "{\"key\":\"gapi-vip\",\"name\":\"Other\"}");
    var renamed = send(HttpMethod.PATCH, "/api/v1/groups/gapi-vip", "{\"name\":\"Very important\"}");

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/groups/gapi-vip");
    assertThat(created.getBody()).containsEntry("key", "gapi-vip").containsEntry("size", 0);
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(duplicate.getBody()).containsEntry("type", "/problems/group-exists");
    assertThat(renamed.getBody()).containsEntry("name", "Very important");
    assertThat(get("/api/v1/groups/gapi-vip").getBody()).containsEntry("name", "Very important");
    assertThat(send(HttpMethod.DELETE, "/api/v1/groups/gapi-vip", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    var gone = get("/api/v1/groups/gapi-vip");
    assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(gone.getBody()).containsEntry("type", "/problems/not-found");
  }

  @Test
  void badKeysNamesAndIdsAreNamed() {
    var badGroup = post("/api/v1/groups", "{\"key\":\"no spaces\",\"name\":\"\"}");
    post("/api/v1/groups", "{\"key\":\"gapi-bad\",\"name\":\"Bad\"}");
    var noIds = post("/api/v1/groups/gapi-bad/members", "{\"recipientIds\":[]}");
    var blankId = post("/api/v1/groups/gapi-bad/members", "{\"recipientIds\":[\"ok\",\" \"]}");
    var unknownGroup = post("/api/v1/groups/gapi-nowhere/members", "{\"recipientIds\":[\"a\"]}");

    assertThat(fields(badGroup)).containsExactly("key", "name");
    assertThat(fields(noIds)).containsExactly("recipientIds");
    assertThat(fields(blankId)).containsExactly("recipientIds[1]");
    assertThat(unknownGroup.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void membersAreAddedAndRemovedInBulkWithUnknownIdsReported() {
    recipients("gapi-m-1", "gapi-m-2", "gapi-m-3");
    post("/api/v1/groups", "{\"key\":\"gapi-team\",\"name\":\"Team\"}");

    var added = post("/api/v1/groups/gapi-team/members",
        "{\"recipientIds\":[\"gapi-m-1\",\"gapi-m-2\",\"gapi-m-3\",\"gapi-m-nobody\"]}");
    var addedAgain = post("/api/v1/groups/gapi-team/members", "{\"recipientIds\":[\"gapi-m-1\"]}");
    var removed = send(HttpMethod.DELETE, "/api/v1/groups/gapi-team/members",
        "{\"recipientIds\":[\"gapi-m-2\",\"gapi-m-nobody\"]}");

    assertThat(added.getBody()).isEqualTo(Map.of("added", 3, "alreadyMembers", 0, "unknown", List.of("gapi-m-nobody")));
    assertThat(addedAgain.getBody()).containsEntry("added", 0).containsEntry("alreadyMembers", 1);
    assertThat(removed.getBody()).isEqualTo(Map.of("removed", 1, "notMembers", 0, "unknown", List.of("gapi-m-nobody")));
    assertThat(get("/api/v1/groups/gapi-team").getBody()).containsEntry("size", 2);
    assertThat(ids(get("/api/v1/groups/gapi-team/members").getBody())).containsExactly("gapi-m-1", "gapi-m-3");
  }

  @Test
  void membersArePagedInIdOrderWithTheirAddresses() {
    List<String> members = IntStream.range(0, 250).mapToObj(i -> String.format("gapi-p-%03d", i)).toList();
    String lines = members.stream().map(id -> "{\"id\":\"" + id + "\",\"email\":\"" + id + "@example.com\"}")
        .collect(Collectors.joining("\n"));
    http().post().uri("/api/v1/recipients/import").contentType(MediaType.parseMediaType("application/x-ndjson"))
        .body(lines).retrieve().toBodilessEntity();
    post("/api/v1/groups", "{\"key\":\"gapi-paged\",\"name\":\"Paged\"}");
    post("/api/v1/groups/gapi-paged/members", "{\"recipientIds\":[\"" + String.join("\",\"", members) + "\"]}");

    List<String> seen = new ArrayList<>();
    String path = "/api/v1/groups/gapi-paged/members?limit=100";
    Map<String, Object> page;
    do {
      page = get(path).getBody();
      seen.addAll(ids(page));
      path = "/api/v1/groups/gapi-paged/members?limit=100&after=" + page.get("next");
    } while (page.get("next") != null);

    assertThat(seen).isEqualTo(members);
    assertThat(get("/api/v1/groups/gapi-paged/members?limit=1").getBody()).satisfies(first -> assertThat(items(first))
        .singleElement().isEqualTo(memberView("gapi-p-000")));
  }

  private static Map<String, Object> memberView(String id) {
    var view = new HashMap<String, Object>();
    view.put("id", id);
    view.put("name", null);
    view.put("email", id + "@example.com");
    view.put("phone", null);
    view.put("locale", null);
    view.put("timeZone", null);
    return view;
  }

  private void recipients(String... ids) {
    for (String id : ids) {
      http().put().uri("/api/v1/recipients/{id}", id).contentType(MediaType.APPLICATION_JSON).body("{}").retrieve()
          .toBodilessEntity();
    }
  }

  private ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, String json) {
    var request = http().method(method).uri(path);
    if (json != null) {
      request = request.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return request.retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  @SuppressWarnings("unchecked")
  private static List<String> fields(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
        .map(error -> (String) error.get("field")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("items");
  }

  private static List<String> ids(Map<String, Object> page) {
    return items(page).stream().map(item -> (String) item.get("id")).toList();
  }
}
