package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * GET /api/v1/notifications narrowed by priority, sender, template and recipient (besides status,
 * channel and time); a sender naming another sender gets an empty page, never the other's notifications.
 */
class HistoryFiltersIT extends HeraldIntegrationTest {

  private static final String SHOP = "filters-shop";
  private static final String TEMPLATE = "filters-shipped";

  @BeforeEach
  void notificationsOfTwoSenders() {
    String shop = senderKey(SHOP);
    if (status(shop, "/api/v1/templates/" + TEMPLATE) == 404) {
      send(shop, "POST", "/api/v1/templates", "{\"key\":\"" + TEMPLATE + "\"}", null);
      send(shop, "POST", "/api/v1/templates/" + TEMPLATE + "/versions",
          "{\"defaults\":{\"email\":{\"subject\":\"Shipped\",\"text\":\"Your order shipped\"}}}", null);
      send(shop, "POST", "/api/v1/templates/" + TEMPLATE + "/versions/1/publish", "", null);
    }
    send(shop, "PUT", "/api/v1/recipients/filters-user-1", "{\"email\":\"user-1@filters.it.example\"}", null);
    send(shop, "POST", "/api/v1/notifications", "{\"channels\":[\"EMAIL\"],\"priority\":\"HIGH\",\"subject\":\"Hi\","
        + "\"body\":\"b\",\"recipients\":[{\"email\":\"ada@filters.it.example\"}]}", "filters-high");
    send(shop, "POST", "/api/v1/notifications", "{\"channels\":[\"EMAIL\"],\"template\":\"" + TEMPLATE + "\","
        + "\"recipients\":[{\"id\":\"filters-user-1\"}]}", "filters-shipped");
    send(senderKey("filters-bank"), "POST", "/api/v1/notifications", "{\"channels\":[\"EMAIL\"],\"priority\":\"HIGH\","
        + "\"subject\":\"Hi\",\"body\":\"b\",\"recipients\":[{\"email\":\"ada@filters.it.example\"}]}", "filters-bank");
    awaitStatus("notification-" + SHOP + "~filters-high", "COMPLETED");
    awaitStatus("notification-" + SHOP + "~filters-shipped", "COMPLETED");
    awaitStatus("notification-filters-bank~filters-bank", "COMPLETED");
  }

  @Test
  void filtersByPrioritySenderTemplateAndRecipient() {
    String shop = senderKey(SHOP);

    assertThat(keys(ADMIN_KEY, "priority=HIGH&recipient=ada@filters.it.example"))
        .containsExactlyInAnyOrder("filters-high", "filters-bank");
    assertThat(keys(ADMIN_KEY, "sender=filters-bank")).containsExactly("filters-bank");
    assertThat(keys(ADMIN_KEY, "template=" + TEMPLATE)).containsExactly("filters-shipped");
    assertThat(keys(shop, "recipient=filters-user-1")).containsExactly("filters-shipped");
    assertThat(keys(shop, "recipient=user-1@filters.it.example&channel=EMAIL&status=COMPLETED"))
        .containsExactly("filters-shipped");
    assertThat(keys(shop, "priority=LOW")).isEmpty();
    assertThat(keys(shop, "template=&sender=&recipient=")).containsExactlyInAnyOrder("filters-high", "filters-shipped");
  }

  @Test
  void aSenderNamingAnotherSenderGetsAnEmptyPage() {
    String shop = senderKey(SHOP);

    assertThat(keys(shop, "recipient=ada@filters.it.example")).containsExactly("filters-high");
    assertThat(keys(shop, "sender=filters-bank")).isEmpty();
    assertThat(keys(shop, "sender=" + SHOP)).containsExactlyInAnyOrder("filters-high", "filters-shipped");
  }

  @Test
  void anUnknownPriorityIsABadRequestNamingIt() {
    var answer = http().get().uri("/api/v1/notifications?priority=URGENT").retrieve()
        .toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().toString()).contains("priority");
  }

  /** The idempotency keys of this test's notifications on the page (size 100). */
  private List<String> keys(String key, String query) {
    Map<String, Object> page = http(key).get().uri("/api/v1/notifications?size=100&" + query).retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
    return ((List<Map<String, Object>>) page.get("items")).stream().map(n -> (String) n.get("idempotencyKey"))
        .filter(k -> k.startsWith("filters-")).toList();
  }

  private int status(String key, String path) {
    return http(key).get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
  }

  private void send(String key, String method, String path, String json, String idempotencyKey) {
    var answer = http(key).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> {
          if (idempotencyKey != null) {
            h.set("Idempotency-Key", idempotencyKey);
          }
        })
        .body(json).retrieve().toEntity(String.class);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s %s: %s", method, path, answer.getBody()).isTrue();
  }
}
