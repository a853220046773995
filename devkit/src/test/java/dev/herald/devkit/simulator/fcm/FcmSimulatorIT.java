package dev.herald.devkit.simulator.fcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The simulator over plain HTTP, as FCM v1 answers: shapes, codes, Retry-After, injected faults. */
class FcmSimulatorIT extends HeraldIntegrationTest {

  private static final String SEND = "/simulators/fcm/v1/projects/herald-dev/messages:send";

  @AfterEach
  void clearFaults() {
    http().delete().uri("/api/v1/dev/simulators/fcm/faults").retrieve().toBodilessEntity();
  }

  @Test
  void anAcceptedMessageIsAnsweredWithItsName() {
    var response = send("Bearer dev", message("sim-live-token"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((String) response.getBody().get("name")).matches("projects/herald-dev/messages/0:\\d+%[0-9a-f]{16}");
  }

  @Test
  void withoutAnAccessTokenTheCallIsUnauthenticated() {
    var response = send(null, message("sim-live-token"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(error(response)).containsEntry("status", "UNAUTHENTICATED").containsEntry("code", 401);
  }

  @Test
  void anUnregisteredTokenIsAnsweredInGooglesErrorShape() {
    var response = send("Bearer dev", message("unregistered-sim"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(error(response)).containsEntry("code", 404).containsEntry("status", "NOT_FOUND");
    assertThat(details(response)).containsExactly(Map.of(
        "@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode", "UNREGISTERED"));
  }

  @Test
  void anInvalidTokenNamesTheTokenField() {
    var response = send("Bearer dev", message("invalid-sim"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(error(response)).containsEntry("status", "INVALID_ARGUMENT");
    assertThat(details(response)).anySatisfy(detail -> assertThat(detail).containsEntry("errorCode", "INVALID_ARGUMENT"))
        .anySatisfy(detail -> assertThat(detail.toString()).contains("message.token"));
  }

  @Test
  void anInjectedQuotaErrorAsksToRetryAfterASecond() {
    post("/api/v1/dev/simulators/fcm/faults", "{\"errorCode\":\"QUOTA_EXCEEDED\",\"rate\":1.0}");

    var response = send("Bearer dev", message("sim-live-token"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(error(response)).containsEntry("status", "RESOURCE_EXHAUSTED");
    assertThat(details(response)).singleElement().satisfies(d -> assertThat(d).containsEntry("errorCode", "QUOTA_EXCEEDED"));
  }

  @Test
  void anInjectedHttpStatusIsAnsweredWithFcmsCodeForIt() {
    post("/api/v1/dev/simulators/fcm/faults", "{\"httpStatus\":503,\"rate\":1.0}");

    var unavailable = send("Bearer dev", message("sim-live-token"));
    post("/api/v1/dev/simulators/fcm/faults", "{\"httpStatus\":403,\"rate\":1.0}");
    var mismatch = send("Bearer dev", message("sim-live-token"));

    assertThat(unavailable.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(unavailable.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(details(unavailable)).singleElement().satisfies(d -> assertThat(d).containsEntry("errorCode", "UNAVAILABLE"));
    assertThat(mismatch.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(details(mismatch)).singleElement()
        .satisfies(d -> assertThat(d).containsEntry("errorCode", "SENDER_ID_MISMATCH"));
  }

  @Test
  void aMessageWithoutATokenIsAnInvalidArgument() {
    var response = send("Bearer dev", "{\"message\":{\"topic\":\"news\"}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(error(response)).containsEntry("message", "Recipient of the message is not set.");
  }

  @Test
  void aMessageOverFcmsFourKilobytesIsAnInvalidArgument() {
    String big = "x".repeat(4100);
    var response = send("Bearer dev", "{\"message\":{\"token\":\"sim-live-token\",\"notification\":{\"body\":\""
        + big + "\"}}}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(error(response)).containsEntry("message", "Message is too big");
  }

  private ResponseEntity<Map<String, Object>> send(String authorization, String body) {
    return http(null).post().uri(SEND).contentType(MediaType.APPLICATION_JSON)
        .headers(h -> {
          if (authorization != null) {
            h.set(HttpHeaders.AUTHORIZATION, authorization);
          }
        })
        .body(body).retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  private static String message(String token) {
    return "{\"validate_only\":false,\"message\":{\"token\":\"" + token + "\","
        + "\"notification\":{\"title\":\"Hi\",\"body\":\"Hello\"},\"data\":{\"notificationId\":\"sim-1\"}}}";
  }

  private static Map<String, Object> error(ResponseEntity<Map<String, Object>> response) {
    return (Map<String, Object>) response.getBody().get("error");
  }

  private static List<Map<String, Object>> details(ResponseEntity<Map<String, Object>> response) {
    return (List<Map<String, Object>>) error(response).get("details");
  }
}
