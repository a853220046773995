package dev.herald.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** API keys: shown once, stored as a hash only, revoked at once, their last use recorded. */
class ApiKeyIT extends HeraldIntegrationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void aKeyIsShownOnceAndTheTableHoldsNoSecret() {
    var created = http().post().uri("/api/v1/api-keys").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "keys-billing", "role", "SENDER")).retrieve().toEntity(MAP);
    String key = (String) created.getBody().get("key");

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("sender", "keys-billing").containsEntry("role", "SENDER")
        .containsEntry("createdBy", ADMIN_SENDER).containsEntry("revoked", false);
    assertThat(key).startsWith("hk_" + created.getBody().get("prefix") + "_").hasSizeGreaterThan(40);
    assertThat(list()).filteredOn(k -> "keys-billing".equals(k.get("name"))).singleElement()
        .satisfies(k -> assertThat(k.get("key")).isNull());
    String secret = key.substring(key.lastIndexOf('_') + 1);
    List<Map<String, Object>> rows = jdbc.queryForList("select * from api_key where name = 'keys-billing'");
    assertThat(rows).singleElement().satisfies(row -> row.values().forEach(value ->
        assertThat(String.valueOf(value)).doesNotContain(secret)));
    assertThat((byte[]) rows.get(0).get("secret_hash")).hasSize(32);
  }

  @Test
  void aKeyNamesItsSenderAndSendsAsIt() {
    String key = senderKey("keys-shop");

    var sent = http(key).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body(emailRequest("keys-shop-1", "Hi", "shop@it.example")).retrieve().toEntity(MAP);
    var other = http(key).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body("{\"idempotencyKey\":\"keys-shop-2\",\"sender\":\"someone-else\",\"channels\":[\"EMAIL\"],"
            + "\"recipients\":[{\"email\":\"shop@it.example\"}],\"subject\":\"Hi\",\"body\":\"x\"}")
        .retrieve().toEntity(MAP);

    assertThat(sent.getBody()).containsEntry("id", "notification-keys-shop~keys-shop-1");
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(other.getBody().get("detail").toString()).startsWith("sender: differs from this API key's sender");
  }

  @Test
  void twoSendersMayUseTheSameIdempotencyKey() {
    var first = http(senderKey("keys-one")).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body(emailRequest("keys-same-1", "One", "one@it.example")).retrieve().toEntity(MAP);
    var second = http(senderKey("keys-two")).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
        .body(emailRequest("keys-same-1", "Two", "two@it.example")).retrieve().toEntity(MAP);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(second.getStatusCode()).as("another sender's key is another notification").isEqualTo(HttpStatus.ACCEPTED);
    assertThat(second.getBody().get("id")).isNotEqualTo(first.getBody().get("id"));
    awaitStatus((String) first.getBody().get("id"), "COMPLETED");
    awaitStatus((String) second.getBody().get("id"), "COMPLETED");
  }

  @Test
  void aRevokedKeyIsRefusedAtOnceAndRevokingAgainChangesNothing() {
    var created = http().post().uri("/api/v1/api-keys").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "keys-revoked", "role", "SENDER")).retrieve().toEntity(MAP);
    String key = (String) created.getBody().get("key");
    assertThat(http(key).get().uri("/api/v1/templates").retrieve().toBodilessEntity().getStatusCode())
        .isEqualTo(HttpStatus.OK);

    var revoked = http().delete().uri("/api/v1/api-keys/{id}", created.getBody().get("id")).retrieve().toEntity(MAP);
    var again = http().delete().uri("/api/v1/api-keys/{id}", created.getBody().get("id")).retrieve().toEntity(MAP);
    var refused = http(key).get().uri("/api/v1/templates").retrieve().toEntity(MAP);

    assertThat(revoked.getBody()).containsEntry("revoked", true);
    assertThat(again.getBody().get("revokedAt")).isEqualTo(revoked.getBody().get("revokedAt"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(refused.getHeaders().getFirst("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"herald\", error=\"invalid_token\"");
    assertThat(refused.getBody()).containsEntry("type", "/problems/unauthorized");
  }

  @Test
  void theLastUseIsRecorded() {
    String key = createKey("keys-used", "SENDER");
    http(key).get().uri("/api/v1/templates").retrieve().toBodilessEntity();

    await().atMost(Duration.ofSeconds(10)).until(() -> list().stream()
        .anyMatch(k -> "keys-used".equals(k.get("name")) && k.get("lastUsed") != null));
  }

  @Test
  void aSenderKeyCannotManageKeys() {
    var refused = http(senderKey("keys-nosy")).get().uri("/api/v1/api-keys").retrieve().toEntity(MAP);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(refused.getBody()).containsEntry("type", "/problems/forbidden");
  }

  @Test
  void noCredentialIsA401WithTheBearerChallenge() {
    var refused = http(null).get().uri("/api/v1/notifications").retrieve().toEntity(MAP);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(refused.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer realm=\"herald\"");
    assertThat(refused.getBody()).containsEntry("type", "/problems/unauthorized").containsEntry("status", 401);
  }

  private List<Map<String, Object>> list() {
    return http().get().uri("/api/v1/api-keys").retrieve().body(new ParameterizedTypeReference<>() {});
  }

  static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};
}
