package dev.herald.api.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A sender sends with its own templates only, through the API and the console alike: another sender's
 * template is refused as if it did not exist, and nothing is sent; an admin may send any for a sender.
 */
class SendWithTemplateIT extends HeraldIntegrationTest {

  private static final String OWNER = "tpl-owner";
  private static final String OTHER = "tpl-other";

  @Test
  void aSenderCannotSendWithAnotherSendersTemplate() {
    publish("owned-welcome");

    ResponseEntity<Map<String, Object>> refused = send(senderKey(OTHER), "tpl-other-1", null, "owned-welcome");
    ResponseEntity<Map<String, Object>> own = send(senderKey(OWNER), "tpl-owner-1", null, "owned-welcome");
    ResponseEntity<Map<String, Object>> forOwner = send(ADMIN_KEY, "tpl-admin-1", OWNER, "owned-welcome");

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().toString()).contains("template").contains("no template 'owned-welcome'");
    assertThat(own.getStatusCode().value()).isEqualTo(202);
    assertThat(forOwner.getStatusCode().value()).isEqualTo(202);
  }

  @Test
  void theConsoleRefusesAnotherSendersTemplateBesideTheField() {
    publish("owned-console");
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(senderKey(OTHER));
    browser.get("/console/send");

    HttpResponse<String> refused = browser.post("/console/send", Map.of("template", "owned-console",
        "emails", "tpl-console@example.com", "channels", "EMAIL", "action", "send",
        "idempotencyKey", "tpl-console-1"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("no template &#39;owned-console&#39;");
  }

  private void publish(String key) {
    String owner = senderKey(OWNER);
    json(owner, "/api/v1/templates", "{\"key\":\"" + key + "\"}");
    json(owner, "/api/v1/templates/" + key + "/versions", "{\"defaults\":{\"email\":{\"subject\":\"Hi\",\"text\":\"Hello\"}}}");
    json(owner, "/api/v1/templates/" + key + "/versions/1/publish", "");
  }

  private ResponseEntity<Map<String, Object>> send(String key, String idempotencyKey, String sender, String template) {
    return http(key).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body("{\"idempotencyKey\":\"" + idempotencyKey + "\"," + (sender == null ? "" : "\"sender\":\"" + sender + "\",")
            + "\"channels\":[\"EMAIL\"],\"recipients\":[{\"email\":\"" + idempotencyKey + "@example.com\"}],"
            + "\"template\":\"" + template + "\"}")
        .retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  private void json(String key, String path, String body) {
    var answer = http(key).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer).isTrue();
  }
}
