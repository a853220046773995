package dev.herald.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.workflows.notification.NotificationIds;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * The Send page in headless Chromium (scenarios/send.cjs): its script's live preview and approval
 * warning under the console's CSP, the CSRF token it renews, and a send that reaches the SMTP sink;
 * Enter in a field sends (scenarios/enter-sends.cjs).
 */
class SendBrowserIT extends HeraldIntegrationTest {

  private static final String SENDER = "send-browser";

  @Test
  void aSenderPreviewsTypesVariablesIsWarnedAndSendsToAGroup() throws Exception {
    String key = senderKey(SENDER);
    json(key, "/api/v1/templates", "{\"key\":\"send-browser-shipped\"}");
    json(key, "/api/v1/templates/send-browser-shipped/versions", "{\"defaults\":{\"email\":{\"subject\":"
        + "\"Shipped for {{name}}\",\"html\":\"<p>Order {{order.id}} for {{name}}</p>\"}}}");
    json(key, "/api/v1/templates/send-browser-shipped/versions/1/publish", "");
    for (String id : new String[] {"send-browser-1", "send-browser-2", "send-browser-3"}) {
      http(key).put().uri("/api/v1/recipients/{id}", id).contentType(MediaType.APPLICATION_JSON)
          .body("{\"email\":\"" + id + "@example.com\"}").retrieve().toBodilessEntity();
    }
    json(key, "/api/v1/groups", "{\"key\":\"send-browser-all\",\"name\":\"Everyone\"}");
    json(key, "/api/v1/groups/send-browser-all/members",
        "{\"recipientIds\":[\"send-browser-1\",\"send-browser-2\",\"send-browser-3\"]}");
    json(key, "/api/v1/groups", "{\"key\":\"send-browser-two\",\"name\":\"Two\"}");
    json(key, "/api/v1/groups/send-browser-two/members", "{\"recipientIds\":[\"send-browser-1\",\"send-browser-2\"]}");

    Map<String, Object> seen = new ConsoleBrowser(port).run("send", Map.of("senderKey", key,
        "template", "send-browser-shipped", "bigGroup", "send-browser-all", "smallGroup", "send-browser-two"));

    assertThat(seen.get("zone")).isEqualTo("Asia/Seoul");
    assertThat((String) seen.get("url")).endsWith(NotificationIds.of(SENDER, (String) seen.get("key")));
    await().atMost(DELIVERY_WAIT).until(() -> mailsTo("send-browser-2@example.com").size() == 1);
    assertThat(mailsTo("send-browser-2@example.com").get(0).getSubject()).isEqualTo("Shipped for 지민");
    assertThat(mailsTo("send-browser-3@example.com")).isEmpty();
  }

  @Test
  void enterInAVariablesFieldSendsTheForm() throws Exception {
    String key = senderKey(SENDER);
    json(key, "/api/v1/templates", "{\"key\":\"send-browser-enter\"}");
    json(key, "/api/v1/templates/send-browser-enter/versions", "{\"defaults\":{\"email\":{\"subject\":"
        + "\"Hello {{name}}\",\"text\":\"Hi {{name}}\"}}}");
    json(key, "/api/v1/templates/send-browser-enter/versions/1/publish", "");

    Map<String, Object> seen = new ConsoleBrowser(port).run("enter-sends", Map.of("senderKey", key,
        "template", "send-browser-enter", "address", "send-browser-enter@example.com"));

    assertThat((String) seen.get("url")).endsWith(NotificationIds.of(SENDER, (String) seen.get("key")));
    await().atMost(DELIVERY_WAIT).until(() -> mailsTo("send-browser-enter@example.com").size() == 1);
    assertThat(mailsTo("send-browser-enter@example.com").get(0).getSubject()).isEqualTo("Hello 지민");
  }

  private void json(String key, String path, String body) {
    var answer = http(key).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + " " + answer).isTrue();
  }
}
