package dev.herald.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

/**
 * The access rules as a production api runs them: no open paths beyond health, the Twilio webhooks
 * and herald-inbox.js (the dev kit opens its own endpoints, the API document and the actuator), and
 * the codec endpoint enabled. The operator's endpoints then take an admin key and nothing less.
 */
// a test context exports no metrics unless asked: the Prometheus registry as in production
@AutoConfigureObservability(tracing = false)
@TestPropertySource(properties = {"herald.security.open-paths=", "herald.temporal.codec-endpoint.enabled=true"})
class OutsideTheDevKitIT extends HeraldIntegrationTest {

  @Autowired ApplicationContext context;

  private static final List<String> OPERATORS_GETS =
      List.of("/v3/api-docs", "/v3/api-docs.yaml", "/actuator/metrics", "/actuator/info", "/actuator/prometheus");

  @Test
  void theApiDocumentAndTheActuatorTakeAnAdminKey() {
    String sender = createKey("outside-sender", "SENDER");

    for (String path : OPERATORS_GETS) {
      assertThat(status(http(null), path)).as("%s without a credential", path).isEqualTo(401);
      assertThat(status(http(sender), path)).as("%s with a sender key", path).isEqualTo(403);
      assertThat(status(http(), path)).as("%s with the admin key", path).isEqualTo(200);
    }
  }

  @Test
  void theTemporalCodecTakesAnAdminKey() {
    String sender = createKey("outside-codec-sender", "SENDER");

    assertThat(decode(http(null))).isEqualTo(401);
    assertThat(decode(http(sender))).isEqualTo(403);
    assertThat(decode(http())).isEqualTo(200);
  }

  @Test
  void theDevKitsOwnEndpointsAreNotOpen() {
    assertThat(status(http(null), "/api/v1/dev/outbox")).isEqualTo(401);
    assertThat(status(http(null), "/swagger-ui.html")).isEqualTo(401);
  }

  @Test
  void noUserWithAGeneratedPasswordExists() {
    assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
  }

  @Test
  void healthStaysOpen() {
    assertThat(status(http(null), "/actuator/health")).isEqualTo(200);
  }

  private static int status(org.springframework.web.client.RestClient client, String path) {
    return client.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
  }

  private static int decode(org.springframework.web.client.RestClient client) {
    return client.post().uri("/api/v1/temporal-codec/decode").contentType(MediaType.APPLICATION_JSON)
        .body("{\"payloads\":[]}").retrieve().toBodilessEntity().getStatusCode().value();
  }
}
