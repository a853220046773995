package dev.herald.devkit.simulator.twilio;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.api.HeraldIntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/**
 * SMS and voice end to end: the real Twilio SDK in the activities talks HTTP to the in-process
 * Twilio simulator, which calls Herald's webhooks back. Tests use their own phone numbers; any
 * injected fault is cleared after each test.
 */
public abstract class TwilioIntegrationTest extends HeraldIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired protected TwilioSimulator twilio;
  @Autowired protected TwilioSimulatorProperties simulator;

  @AfterEach
  void clearTwilioFaults() {
    http().delete().uri("/api/v1/dev/simulators/twilio/faults").retrieve().toBodilessEntity();
  }

  protected void injectFault(String faultJson) {
    var answer = post("/api/v1/dev/simulators/twilio/faults", faultJson);
    if (answer.getStatusCode() != HttpStatus.OK) {
      throw new IllegalStateException("fault not injected: " + answer);
    }
  }

  protected void clearFault() {
    clearTwilioFaults();
  }

  /** A notification request as JSON; {@code recipient} holds its addresses (phone, email, locale ...). */
  protected static String request(String key, List<String> channels, String mode, Map<String, String> recipient,
      String body) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("idempotencyKey", key);
    request.put("channels", channels);
    if (mode != null) {
      request.put("channelMode", mode);
    }
    request.put("recipients", List.of(recipient));
    request.put("subject", "Herald " + key);
    request.put("body", body);
    try {
      return JSON.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static String smsRequest(String key, String phone, String body) {
    return request(key, List.of("SMS"), null, Map.of("phone", phone), body);
  }

  @SuppressWarnings("unchecked")
  protected Map<String, Object> onlyDelivery(String notificationId) {
    var deliveries = (List<Map<String, Object>>) get("/api/v1/notifications/" + notificationId).getBody().get("deliveries");
    if (deliveries.size() != 1) {
      throw new IllegalStateException("expected one delivery, got " + deliveries);
    }
    return deliveries.get(0);
  }

  @SuppressWarnings("unchecked")
  protected Map<String, Object> delivery(String notificationId, String channel) {
    var deliveries = (List<Map<String, Object>>) get("/api/v1/notifications/" + notificationId).getBody().get("deliveries");
    return deliveries.stream().filter(d -> channel.equals(d.get("channel"))).findFirst().orElseThrow();
  }

  protected void awaitRequestsTo(String phone, int count) {
    await().atMost(DELIVERY_WAIT).pollInterval(Duration.ofMillis(20))
        .until(() -> twilio.requestsTo(phone).size() >= count);
  }

  /** A form POST as Twilio makes it, with the given signature (null: none). */
  protected ResponseEntity<String> postForm(String pathAndQuery, Map<String, String> params, String signature) {
    String form = params.entrySet().stream()
        .map(e -> UriUtils.encode(e.getKey(), "UTF-8") + "=" + UriUtils.encode(e.getValue(), "UTF-8"))
        .collect(Collectors.joining("&"));
    return http().post().uri(url(pathAndQuery)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .headers(h -> {
          if (signature != null) {
            h.set("X-Twilio-Signature", signature);
          }
        })
        .body(form).retrieve().toEntity(String.class);
  }

  /** Signs like Twilio with the simulator account's auth token. */
  protected String sign(String pathAndQuery, Map<String, String> params) {
    return TwilioSignatures.sign(simulator.authToken(), url(pathAndQuery).toString(), params);
  }

  /** A person texting {@code body} from {@code phone} to Herald's number, through the simulator. */
  protected ResponseEntity<Map<String, Object>> textFrom(String phone, String body) {
    return http().post().uri("/simulators/twilio/inbound-sms").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .body("From=" + UriUtils.encode(phone, "UTF-8") + "&Body=" + UriUtils.encode(body, "UTF-8"))
        .retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  private URI url(String pathAndQuery) {
    return URI.create("http://localhost:" + port + pathAndQuery);
  }
}
