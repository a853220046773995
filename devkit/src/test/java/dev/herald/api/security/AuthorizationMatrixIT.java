package dev.herald.api.security;

import static dev.herald.api.security.AuthorizationMatrixIT.Expect.ALLOWED;
import static dev.herald.api.security.AuthorizationMatrixIT.Expect.FORBIDDEN;
import static dev.herald.api.security.AuthorizationMatrixIT.Expect.HIDDEN;
import static dev.herald.api.security.AuthorizationMatrixIT.Expect.OPEN;
import static dev.herald.api.security.AuthorizationMatrixIT.Expect.OWN;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.herald.api.HeraldIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint x every kind of caller, with the answer each must get: no credential, a bad key and
 * a revoked key get 401 wherever a credential is needed; sender A and admin reach A's resources (its
 * notification, template, recipient X and group), sender B gets 404 for them (ids do not leak: B's
 * recipient ids and group keys are its own), recipient tokens of X and Y reach X's inbox and devices
 * as their role allows. The admin names A as the owner of recipients and groups. The endpoints come from the controller mappings, so a new endpoint
 * without an entry here fails {@link #everyEndpointHasAnEntry()}. The console's pages (/console, a session cookie instead of
 * a bearer credential) have their own matrix, ConsoleAccessIT.
 */
class AuthorizationMatrixIT extends HeraldIntegrationTest {

  enum Who { NONE, BAD_KEY, REVOKED_KEY, SENDER_A, SENDER_B, RECIPIENT_X, RECIPIENT_Y, ADMIN }

  /**
   * OPEN: no credential needed (never Herald's 401; a simulator may answer its vendor's own); ALLOWED: the credential passes (neither 401 nor 403);
   * OWN: passes and finds the resource (nor 404); HIDDEN: 404; FORBIDDEN: 403.
   */
  enum Expect { OPEN, ALLOWED, OWN, HIDDEN, FORBIDDEN }

  /** What sender A, sender B, the recipient tokens of X and Y, and an admin get; A owns the resources. */
  record Row(Expect senderA, Expect senderB, Expect recipientX, Expect recipientY, Expect admin) {
    Expect of(Who who) {
      return switch (who) {
        case NONE, BAD_KEY, REVOKED_KEY -> senderA == OPEN ? OPEN : null;
        case SENDER_A -> senderA;
        case SENDER_B -> senderB;
        case RECIPIENT_X -> recipientX;
        case RECIPIENT_Y -> recipientY;
        case ADMIN -> admin;
      };
    }
  }

  static final Row PUBLIC = new Row(OPEN, OPEN, OPEN, OPEN, OPEN);
  static final Row SENDERS = new Row(ALLOWED, ALLOWED, FORBIDDEN, FORBIDDEN, ALLOWED);
  static final Row OWNED = new Row(OWN, HIDDEN, FORBIDDEN, FORBIDDEN, OWN);
  static final Row ADMINS = new Row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, ALLOWED);
  /**
   * X's inbox and devices: senders and admins, and X's own token. A sender's recipient id is its own,
   * so B reaches B's X (another inbox and other devices than A's, as ownership tests show), never A's.
   */
  static final Row RECIPIENT_X = new Row(ALLOWED, ALLOWED, ALLOWED, FORBIDDEN, ALLOWED);
  /** Create or replace by id: A replaces its own; B's call writes B's own recipient of that id, never A's. */
  static final Row OWNED_OR_NEW = new Row(OWN, ALLOWED, FORBIDDEN, FORBIDDEN, OWN);

  static final Map<String, Row> MATRIX = Map.ofEntries(
      entry("POST /api/v1/notifications", SENDERS),
      entry("GET /api/v1/notifications", SENDERS),
      entry("GET /api/v1/notifications/{id}", OWNED),
      entry("POST /api/v1/notifications/{id}/approval", ADMINS),
      entry("POST /api/v1/notifications/{id}/cancel", OWNED),
      entry("POST /api/v1/notifications/{id}/pause", OWNED),
      entry("POST /api/v1/notifications/{id}/resume", OWNED),
      entry("POST /api/v1/attachments", SENDERS),
      entry("GET /api/v1/attachments/{id}", OWNED),
      entry("DELETE /api/v1/attachments/{id}", OWNED),
      // unsigned here; a signed download link needs no credential (AttachmentLinksIT)
      entry("GET /api/v1/attachments/{id}/content", OWNED),
      entry("GET /api/v1/approvals", ADMINS),
      entry("GET /api/v1/dead-letters", ADMINS),
      entry("GET /api/v1/dead-letters/counts", ADMINS),
      entry("GET /api/v1/dead-letters/{id}", ADMINS),
      entry("POST /api/v1/dead-letters/{id}/redrive", ADMINS),
      entry("POST /api/v1/dead-letters/{id}/discard", ADMINS),
      entry("POST /api/v1/dead-letters/open/redrive", ADMINS),
      entry("GET /api/v1/stats", ADMINS),
      entry("POST /api/v1/api-keys", ADMINS),
      entry("GET /api/v1/api-keys", ADMINS),
      entry("DELETE /api/v1/api-keys/{id}", ADMINS),
      entry("POST /api/v1/templates", SENDERS),
      entry("GET /api/v1/templates", SENDERS),
      entry("GET /api/v1/templates/{key}", OWNED),
      entry("DELETE /api/v1/templates/{key}", OWNED),
      entry("POST /api/v1/templates/{key}/versions", OWNED),
      entry("GET /api/v1/templates/{key}/versions/{version}", OWNED),
      entry("POST /api/v1/templates/{key}/versions/{version}/publish", OWNED),
      entry("POST /api/v1/templates/{key}/preview", OWNED),
      entry("PUT /api/v1/recipients/{id}", OWNED_OR_NEW),
      entry("GET /api/v1/recipients/{id}", OWNED),
      entry("GET /api/v1/recipients", SENDERS),
      entry("DELETE /api/v1/recipients/{id}", OWNED),
      entry("POST /api/v1/recipients/import", SENDERS),
      entry("POST /api/v1/recipients/{id}/token", SENDERS),
      entry("POST /api/v1/recipients/{recipientId}/devices", RECIPIENT_X),
      entry("GET /api/v1/recipients/{recipientId}/devices", RECIPIENT_X),
      entry("DELETE /api/v1/recipients/{recipientId}/devices/{token}", RECIPIENT_X),
      entry("GET /api/v1/recipients/{recipientId}/preferences", RECIPIENT_X),
      entry("PUT /api/v1/recipients/{recipientId}/preferences", RECIPIENT_X),
      entry("GET /api/v1/categories", SENDERS),
      entry("GET /api/v1/categories/{name}", SENDERS),
      entry("PUT /api/v1/categories/{name}", ADMINS),
      entry("DELETE /api/v1/categories/{name}", ADMINS),
      entry("GET /api/v1/suppressions", SENDERS),
      entry("POST /api/v1/suppressions", SENDERS),
      entry("DELETE /api/v1/suppressions/{channel}/{address}", SENDERS),
      entry("POST /api/v1/groups", SENDERS),
      entry("GET /api/v1/groups", SENDERS),
      entry("GET /api/v1/groups/{key}", OWNED),
      entry("PATCH /api/v1/groups/{key}", OWNED),
      entry("DELETE /api/v1/groups/{key}", OWNED),
      entry("POST /api/v1/groups/{key}/members", OWNED),
      entry("DELETE /api/v1/groups/{key}/members", OWNED),
      entry("GET /api/v1/groups/{key}/members", OWNED),
      entry("GET /api/v1/inbox", RECIPIENT_X),
      entry("GET /api/v1/inbox/unread-count", RECIPIENT_X),
      entry("POST /api/v1/inbox/{itemId}/read", RECIPIENT_X),
      entry("POST /api/v1/inbox/{itemId}/unread", RECIPIENT_X),
      entry("GET /api/v1/inbox/stream", RECIPIENT_X),
      // signed by Twilio, not by a key (the signature check answers 403 to an unsigned request)
      entry("POST /api/v1/webhooks/twilio/status", PUBLIC),
      entry("POST /api/v1/webhooks/twilio/inbound", PUBLIC),
      // a preference link's page: its signed token is the capability (an invalid one is the page's 404)
      entry("GET /unsubscribe/{token}", PUBLIC),
      entry("POST /unsubscribe/{token}", PUBLIC),
      entry("POST /unsubscribe/{token}/preferences", PUBLIC),
      // Spring's error page: reached by forwarding, never called directly
      entry("GET /error", SENDERS),
      entry("POST /error", SENDERS),
      entry("PUT /error", SENDERS),
      entry("DELETE /error", SENDERS),
      entry("PATCH /error", SENDERS),
      entry("HEAD /error", SENDERS),
      entry("OPTIONS /error", SENDERS),
      // admin only outside dev mode; open in the dev kit (herald.security.open-paths), for its UIs
      entry("GET /v3/api-docs", PUBLIC),
      entry("GET /v3/api-docs.yaml", PUBLIC),
      entry("GET /v3/api-docs/swagger-config", PUBLIC),
      entry("POST /api/v1/temporal-codec/decode", PUBLIC),
      entry("POST /api/v1/temporal-codec/encode", PUBLIC),
      // the dev kit's own endpoints: open in dev mode, absent from the api jar
      entry("GET /swagger-ui.html", PUBLIC),
      entry("GET /api/v1/dev/outbox", PUBLIC),
      entry("POST /api/v1/dev/simulators/{simulator}/faults", PUBLIC),
      entry("GET /api/v1/dev/simulators/{simulator}/faults", PUBLIC),
      entry("DELETE /api/v1/dev/simulators/{simulator}/faults", PUBLIC),
      entry("POST /simulators/twilio/2010-04-01/Accounts/{accountSid}/Messages.json", PUBLIC),
      entry("POST /simulators/twilio/2010-04-01/Accounts/{accountSid}/Calls.json", PUBLIC),
      entry("POST /simulators/twilio/inbound-sms", PUBLIC),
      entry("POST /simulators/fcm/v1/projects/{projectId}/messages:send", PUBLIC),
      entry("POST /simulators/slack/api/chat.postMessage", PUBLIC));

  /** Bodies that pass validation, so an answer says whether the resource was found (default: {@code {}}). */
  static final Map<String, String> BODIES = Map.of(
      "PATCH /api/v1/groups/{key}", "{\"name\":\"Matrix group\"}",
      "POST /api/v1/groups/{key}/members", "{\"recipientIds\":[\"matrix-x\"]}",
      "DELETE /api/v1/groups/{key}/members", "{\"recipientIds\":[\"matrix-x\"]}");

  /** Served outside MVC's controller mappings. */
  static final Map<String, Row> BEYOND_CONTROLLERS = Map.of(
      "GET /actuator/health", PUBLIC,
      "GET /herald-inbox.js", PUBLIC,
      // admin only outside dev mode (no open path there); open in the dev kit
      "GET /actuator/info", PUBLIC,
      "GET /inbox-demo.html", PUBLIC);

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyEndpointHasAnEntry() {
    Set<String> endpoints = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
        .filter(pattern -> !pattern.startsWith("/console")).forEach(pattern -> {
      var methods = info.getMethodsCondition().getMethods();
      if (methods.isEmpty()) {
        Stream.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS").forEach(m -> endpoints.add(m + " " + pattern));
      } else {
        methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
      }
    }));
    assertThat(endpoints).as("endpoints without an entry in the matrix, or entries without an endpoint")
        .containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
  }

  @TestFactory
  Stream<DynamicTest> everyCallerGetsTheAnswerOfItsRole() {
    Fixture fixture = new Fixture();
    List<DynamicTest> tests = new ArrayList<>();
    var all = new TreeMap<String, Row>(MATRIX);
    all.putAll(BEYOND_CONTROLLERS);
    all.forEach((endpoint, row) -> {
      for (Who who : Who.values()) {
        tests.add(dynamicTest(endpoint + " as " + who, () -> check(endpoint, row.of(who), who, fixture)));
      }
    });
    return tests.stream();
  }

  private void check(String endpoint, Expect expected, Who who, Fixture fixture) throws Exception {
    String method = endpoint.substring(0, endpoint.indexOf(' '));
    String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
    if (Fixture.isOwned(pattern)) {
      fixture.restoreOwned();
    }
    String path = fixture.path(pattern, who);
    HttpResponse<InputStream> response = send(method, path, BODIES.getOrDefault(endpoint, "{}"), fixture.credential(who));
    int status = response.statusCode();
    response.body().close();
    String as = endpoint + " as " + who;
    if (expected == null) {
      assertThat(status).as(as).isEqualTo(401);
      String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
      assertThat(challenge).as(as).startsWith("Bearer realm=\"herald\"");
      assertThat(challenge.contains("invalid_token")).as(as + ": invalid_token in " + challenge).isEqualTo(who != Who.NONE);
      return;
    }
    switch (expected) {
      case OPEN -> assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
          .as(as + ": refused by Herald's security").doesNotContain("realm=\"herald\"");
      case ALLOWED -> assertThat(status).as(as).isNotIn(401, 403);
      case OWN -> assertThat(status).as(as).isNotIn(401, 403, 404);
      case HIDDEN -> assertThat(status).as(as).isEqualTo(404);
      case FORBIDDEN -> assertThat(status).as(as).isEqualTo(403);
    }
    if (expected != OPEN && (status == 401 || status == 403)) {
      assertThat(response.headers().firstValue("Content-Type").orElse("")).as(as).startsWith("application/problem+json");
    }
  }

  private HttpResponse<InputStream> send(String method, String path, String body, String credential)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .method(method, method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (credential != null) {
      request.header("Authorization", "Bearer " + credential);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  /** Sender A's notification, template, recipient X and group, and every credential. */
  private final class Fixture {

    final String senderA = senderKey("matrix-a");
    final String senderB = senderKey("matrix-b");
    final String spareKeyId;
    final String revoked = revokedKey("matrix-revoked");
    final String notificationId;
    final String tokenX = recipientToken("matrix-x");
    final String tokenY = recipientToken("matrix-y");

    Fixture() {
      spareKeyId = String.valueOf(http().post().uri("/api/v1/api-keys").contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("name", "matrix-spare", "role", "SENDER")).retrieve()
          .body(new ParameterizedTypeReference<Map<String, Object>>() {}).get("id"));
      var sent = http(senderA).post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
          .body("{\"idempotencyKey\":\"matrix-1\",\"channels\":[\"EMAIL\"],\"recipients\":[{\"email\":\"matrix@it.example\"}],"
              + "\"subject\":\"Later\",\"body\":\"Matrix\",\"sendAt\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\"}")
          .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() {});
      notificationId = (String) sent.get("id");
      http(senderA).post().uri("/api/v1/templates").contentType(MediaType.APPLICATION_JSON)
          .body("{\"key\":\"matrix-a-tpl\"}").retrieve().toBodilessEntity();
      http(senderA).post().uri("/api/v1/templates/matrix-a-tpl/versions").contentType(MediaType.APPLICATION_JSON)
          .body("{\"defaults\":{\"email\":{\"subject\":\"S\",\"text\":\"T\"}}}").retrieve().toBodilessEntity();
      http(senderA).post().uri("/api/v1/templates/matrix-a-tpl/versions/1/publish").retrieve().toBodilessEntity();
    }

    static boolean isOwned(String pattern) {
      return pattern.startsWith("/api/v1/recipients") || pattern.startsWith("/api/v1/groups");
    }

    /**
     * A's recipient X in A's group, as before any call (a call may have deleted or changed them), and
     * none of B's: what B's calls wrote is B's own, and would answer B's later calls.
     */
    void restoreOwned() {
      http().delete().uri("/api/v1/recipients/matrix-x?owner=matrix-b").retrieve().toBodilessEntity();
      http().delete().uri("/api/v1/groups/matrix-group?owner=matrix-b").retrieve().toBodilessEntity();
      http(senderA).put().uri("/api/v1/recipients/matrix-x").contentType(MediaType.APPLICATION_JSON)
          .body("{\"email\":\"matrix-x@it.example\"}").retrieve().toBodilessEntity();
      http(senderA).post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
          .body("{\"key\":\"matrix-group\",\"name\":\"Matrix group\"}").retrieve().toBodilessEntity();
      http(senderA).post().uri("/api/v1/groups/matrix-group/members").contentType(MediaType.APPLICATION_JSON)
          .body("{\"recipientIds\":[\"matrix-x\"]}").retrieve().toBodilessEntity();
    }

    /** A new attachment of A's for each call: a delete before would have removed the last one. */
    String attachmentOfA() {
      return String.valueOf(http(senderA).post().uri("/api/v1/attachments?filename=matrix.txt")
          .contentType(MediaType.TEXT_PLAIN).body("matrix".getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() {}).get("id"));
    }

    String credential(Who who) {
      return switch (who) {
        case NONE -> null;
        // a new one each time: failures are limited per key prefix (RateLimitIT)
        case BAD_KEY -> "hk_" + String.format("%8s", Long.toString(System.nanoTime() % 2_821_109_907_456L, 36)).replace(' ', '0')
            + "_not-a-key-of-this-herald-0123456789";
        case REVOKED_KEY -> revokedKey("matrix-revoked");
        case SENDER_A -> senderA;
        case SENDER_B -> senderB;
        case RECIPIENT_X -> tokenX;
        case RECIPIENT_Y -> tokenY;
        case ADMIN -> ADMIN_KEY;
      };
    }

    /** The pattern with A's resources (X for the inbox and devices) in its variables; the admin names A as owner. */
    String path(String pattern, Who who) {
      String id = pattern.startsWith("/api/v1/api-keys") ? spareKeyId
          : pattern.startsWith("/api/v1/recipients") ? "matrix-x"
          : pattern.startsWith("/api/v1/attachments/") ? attachmentOfA() : notificationId;
      String path = pattern.replace("{id}", id).replace("{key}", "matrix-a-tpl").replace("{version}", "1")
          .replace("{recipientId}", "matrix-x").replace("{token}", "matrix-device").replace("{itemId}", "1")
          .replace("{simulator}", "twilio").replace("{name}", "matrix-category")
          .replace("{channel}", "EMAIL").replace("{address}", "matrix@example.com").replace("{accountSid}", "AC0").replace("{projectId}", "p");
      if (pattern.startsWith("/api/v1/groups")) {
        path = path.replace("matrix-a-tpl", "matrix-group");
      }
      path = pattern.startsWith("/api/v1/inbox") ? path + "?recipientId=matrix-x" : path;
      // a bulk re-drive takes matrix-a's dead letters only (none), never other tests'
      path = pattern.equals("/api/v1/dead-letters/open/redrive") ? path + "?sender=matrix-a" : path;
      if (who == Who.ADMIN && isOwned(pattern)) {
        path += (path.contains("?") ? "&" : "?") + "owner=matrix-a";
      }
      return path;
    }
  }
}
