package dev.herald.api.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Recipients over REST: create or replace, read, list by id, delete; bad input as RFC 9457 problems. */
class RecipientApiIT extends HeraldIntegrationTest {

  @Test
  void putCreatesThenReplacesAndTheRecipientIsRead() {
    var created = put("rapi-ada", """
        {"name":"Ada","locale":"en-gb","timeZone":"Europe/London","email":"ada@example.com",
         "phone":"+1 415 555 0123","slack":"U0RAPIADA","attributes":{"plan":"pro","seats":3}}""");
    var replaced = put("rapi-ada", "{\"id\":\"rapi-ada\",\"name\":\"Ada L.\"}");

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/recipients/rapi-ada");
    assertThat(created.getBody()).containsEntry("id", "rapi-ada").containsEntry("locale", "en-GB")
        .containsEntry("phone", "+14155550123").containsEntry("slack", "U0RAPIADA")
        .containsEntry("attributes", Map.of("plan", "pro", "seats", 3))
        .containsKey("createdAt");
    assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/v1/recipients/rapi-ada").getBody()).containsEntry("name", "Ada L.")
        .containsEntry("email", null).containsEntry("slack", null).containsEntry("attributes", Map.of());
  }

  @Test
  void everyBadFieldIsNamedInOneProblem() {
    var response = put("rapi-bad", """
        {"id":"someone-else","locale":"xx_YY!","timeZone":"Mars/Olympus","email":"nope","phone":"12",
         "slack":"#general"}""");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("type", "/problems/invalid-request");
    assertThat(fields(response)).containsExactly("id", "locale", "timeZone", "email", "phone", "slack");
    assertThat(get("/api/v1/recipients/rapi-bad").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void attributesMustBeAnObject() {
    var response = put("rapi-attr", "{\"attributes\":[1,2]}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response)).containsExactly("attributes");
  }

  @Test
  void listPagesByIdWithACursor() {
    for (String id : List.of("rapi-list-c", "rapi-list-a", "rapi-list-b")) {
      put(id, "{}");
    }

    var first = get("/api/v1/recipients?after=rapi-list-&limit=2").getBody();
    var second = get("/api/v1/recipients?after=" + first.get("next") + "&limit=2").getBody();

    assertThat(ids(first)).containsExactly("rapi-list-a", "rapi-list-b");
    assertThat(first).containsEntry("next", "rapi-list-b");
    assertThat(ids(second)).startsWith("rapi-list-c");
    assertThat(get("/api/v1/recipients?limit=0").getBody()).containsEntry("status", 400);
  }

  @Test
  void deleteRemovesOnceThenIsNotFound() {
    put("rapi-gone", "{}");

    var removed = http().delete().uri("/api/v1/recipients/rapi-gone").retrieve().toBodilessEntity();
    var again = http().delete().uri("/api/v1/recipients/rapi-gone").retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});

    assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(again.getBody()).containsEntry("type", "/problems/not-found");
  }

  private ResponseEntity<Map<String, Object>> put(String id, String json) {
    return http().put().uri("/api/v1/recipients/{id}", id).contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  @SuppressWarnings("unchecked")
  static List<String> fields(ResponseEntity<Map<String, Object>> response) {
    return ((List<Map<String, Object>>) response.getBody().get("errors")).stream()
        .map(error -> (String) error.get("field")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> page) {
    return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
  }
}
