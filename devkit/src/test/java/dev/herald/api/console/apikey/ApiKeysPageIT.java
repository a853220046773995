package dev.herald.api.console.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.session.ConsoleSessions;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The console's API keys page: admins only; a new key shown once and working at once; revocation after
 * a second step, ending the key's API access and its console sessions (through the API's revocation
 * too); invalid input beside its field.
 */
class ApiKeysPageIT extends HeraldIntegrationTest {

  private static final String PAGE = "/console/api-keys";
  private static final Pattern NEW_KEY = Pattern.compile("id=\"new-key\"[^>]*value=\"(hk_[^\"]+)\"");

  @Autowired ConsoleSessions sessions;

  @Test
  void aSenderIsRefusedThePageAndDoesNotSeeItInItsMenu() {
    ConsoleClient sender = new ConsoleClient(port);
    sender.signIn(senderKey("ak-menu"));

    HttpResponse<String> refused = sender.get(PAGE);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("href=\"/console/api-keys\"");
    assertThat(sender.post(PAGE, Map.of("name", "ak-by-sender", "role", "ADMIN")).statusCode()).isEqualTo(403);
    assertThat(keyNamed("ak-by-sender")).isEmpty();
    ConsoleClient admin = new ConsoleClient(port);
    admin.signIn(ADMIN_KEY);
    assertThat(admin.get("/console/sign-in").body()).contains("href=\"/console/api-keys\"");
  }

  @Test
  void aNewKeyIsShownOnceAndWorksAtOnce() {
    ConsoleClient admin = new ConsoleClient(port);
    admin.signIn(ADMIN_KEY);
    admin.get(PAGE);

    HttpResponse<String> created = admin.post(PAGE, Map.of("name", "결제 팀", "role", "SENDER", "sender", "ak-billing"));

    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith(PAGE).doesNotContain("hk_");
    HttpResponse<String> shown = admin.get(PAGE);
    Matcher key = NEW_KEY.matcher(shown.body());
    assertThat(key.find()).as("the page shows the new key").isTrue();
    assertThat(shown.body()).contains("Copy it now", "결제 팀");
    assertThat(admin.get(PAGE).body()).as("shown once").doesNotContain(key.group(1)).doesNotContain("new-key");

    var asTheNewKey = http(key.group(1)).get().uri("/api/v1/notifications").retrieve().toBodilessEntity();
    assertThat(asTheNewKey.getStatusCode().value()).isEqualTo(200);
    assertThat(keyNamed("결제 팀")).hasValueSatisfying(k -> assertThat(k).containsEntry("role", "SENDER")
        .containsEntry("sender", "ak-billing").containsEntry("createdBy", ADMIN_SENDER)
        .containsEntry("prefix", key.group(1).split("_")[1]));
  }

  @Test
  void revokingAKeyAfterTheSecondStepEndsItsApiAccessAndItsConsoleSession() {
    String revoked = createKey("ak-revoke", "SENDER");
    ConsoleClient holder = new ConsoleClient(port);
    holder.signIn(revoked);
    String session = holder.session().orElseThrow();
    long id = ((Number) keyNamed("ak-revoke").orElseThrow().get("id")).longValue();
    ConsoleClient admin = new ConsoleClient(port);
    admin.signIn(ADMIN_KEY);

    HttpResponse<String> confirm = admin.get(PAGE + "?revoke=" + id);
    assertThat(confirm.body()).contains("Revoke key ak-revoke?", "action=\"/console/api-keys/" + id + "/revoke\"");
    HttpResponse<String> done = admin.post(PAGE + "/" + id + "/revoke", Map.of());

    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(admin.get(PAGE).body()).contains("Revoked the key ak-revoke");
    assertThat(http(revoked).get().uri("/api/v1/notifications").retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(401);
    assertThat(sessions.keyOf(session, Duration.ofHours(1))).as("the session is gone from the store").isEmpty();
    assertThat(holder.get("/console").headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/console/sign-in"));
  }

  @Test
  void revokingAKeyThroughTheApiEndsItsConsoleSessionsToo() {
    String revoked = createKey("ak-revoke-api", "ADMIN");
    ConsoleClient holder = new ConsoleClient(port);
    holder.signIn(revoked);
    String session = holder.session().orElseThrow();
    assertThat(sessions.keyOf(session, Duration.ofHours(1))).isPresent();

    http().delete().uri("/api/v1/api-keys/{id}", keyNamed("ak-revoke-api").orElseThrow().get("id")).retrieve()
        .toBodilessEntity();

    assertThat(sessions.keyOf(session, Duration.ofHours(1))).isEmpty();
  }

  @Test
  void anEmptyNameIsShownBesideItsFieldAndNoKeyIsMade() {
    ConsoleClient admin = new ConsoleClient(port);
    admin.signIn(ADMIN_KEY);
    admin.get(PAGE);
    int before = keys().size();

    HttpResponse<String> refused = admin.post(PAGE, Map.of("name", "", "role", "ADMIN", "sender", "ak-typed"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"name-error\"", "is required", "aria-describedby=\"name-error\"")
        .contains("value=\"ak-typed\"").containsPattern("<option value=\"ADMIN\" selected");
    assertThat(keys()).hasSize(before);
  }

  @Test
  void aBadSenderIsShownBesideItsFieldAndNoKeyIsMade() {
    ConsoleClient admin = new ConsoleClient(port);
    admin.signIn(ADMIN_KEY);
    admin.get(PAGE);

    HttpResponse<String> refused = admin.post(PAGE, Map.of("name", "ak-bad-sender", "role", "SENDER", "sender", "no spaces"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"sender-error\"", "must be 1-64 characters", "value=\"no spaces\"")
        .contains("aria-describedby=\"sender-hint sender-error\"");
    assertThat(keyNamed("ak-bad-sender")).isEmpty();
  }

  private List<Map<String, Object>> keys() {
    return http().get().uri("/api/v1/api-keys").retrieve().body(new ParameterizedTypeReference<>() {});
  }

  private java.util.Optional<Map<String, Object>> keyNamed(String name) {
    return keys().stream().filter(k -> name.equals(k.get("name"))).findFirst();
  }
}
