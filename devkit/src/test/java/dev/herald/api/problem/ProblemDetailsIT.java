package dev.herald.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

/** Every bad request is a 400 problem detail that names the wrong field, and starts nothing. */
class ProblemDetailsIT extends HeraldIntegrationTest {

  private static final String VALID = """
      {"idempotencyKey":"%s","channels":["EMAIL"],"recipients":[{"email":"pd@it.example"}],"subject":"s","body":"b"}""";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing key            | {"channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b"}                        | idempotencyKey
      bad key characters     | {"idempotencyKey":"a b","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b"} | idempotencyKey
      unknown channel        | {"idempotencyKey":"k1","channels":["FAX"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b"}     | channels[0]
      no channels            | {"idempotencyKey":"k2","channels":[],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b"}          | channels
      malformed address      | {"idempotencyKey":"k3","channels":["EMAIL"],"recipients":[{"email":"not-an-address"}],"subject":"s","body":"b"} | recipients[0].email
      display-name address   | {"idempotencyKey":"k4","channels":["EMAIL"],"recipients":[{"email":"Ada <a@it.example>"}],"subject":"s","body":"b"} | recipients[0].email
      no recipients          | {"idempotencyKey":"k5","channels":["EMAIL"],"recipients":[],"subject":"s","body":"b"}                           | recipients
      sendAt in the past     | {"idempotencyKey":"k6","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b","sendAt":"2020-01-01T00:00:00Z"} | sendAt
      sendAt not a time      | {"idempotencyKey":"k7","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b","sendAt":"tomorrow"} | sendAt
      unknown priority       | {"idempotencyKey":"k8","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b","priority":"URGENT"} | priority
      unknown field          | {"idempotencyKey":"k9","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b","send_at":"x"} | send_at
      missing subject        | {"idempotencyKey":"k10","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"body":"b"}                | subject
      multi-line subject     | {"idempotencyKey":"k11","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"a\\nBcc: x","body":"b"} | subject
      not JSON               | {"idempotencyKey":                                                                                               | (body)
      invalid phone          | {"idempotencyKey":"k12","channels":["SMS"],"recipients":[{"phone":"12"}],"body":"b"}                             | recipients[0].phone
      phone missing for SMS  | {"idempotencyKey":"k13","channels":["SMS"],"recipients":[{"email":"a@it.example"}],"body":"b"}                  | recipients[0].phone
      id missing for IN_APP  | {"idempotencyKey":"k14","channels":["IN_APP"],"recipients":[{"email":"a@it.example"}],"body":"b"}               | recipients[0].id
      channel listed twice   | {"idempotencyKey":"k15","channels":["EMAIL","EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b"} | channels
      fallback unreachable   | {"idempotencyKey":"k16","channels":["SMS","PUSH"],"channelMode":"FALLBACK","recipients":[{"email":"a@it.example"}],"body":"b"} | recipients[0]
      unknown channel mode   | {"idempotencyKey":"k17","channels":["EMAIL"],"channelMode":"SOME","recipients":[{"email":"a@it.example"}],"subject":"s","body":"b"} | channelMode
      bad locale             | {"idempotencyKey":"k18","channels":["VOICE"],"recipients":[{"phone":"+14155550100","locale":"12"}],"body":"b"} | recipients[0].locale
      """)
  void badRequestNamesTheField(String name, String json, String field) {
    var response = post("/api/v1/notifications", json);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(response.getBody()).containsEntry("status", 400).containsEntry("type", "/problems/invalid-request")
        .doesNotContainKey("trace");
    assertThat((List<Map<String, Object>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
        .contains(field);
  }

  @org.junit.jupiter.api.Test
  void bodyOverTheLimitIsRejected() {
    String json = VALID.formatted("too-big").replace("\"body\":\"b\"", "\"body\":\"" + "x".repeat(2001) + "\"");

    var response = post("/api/v1/notifications", json);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
        .anySatisfy(e -> assertThat(e).containsEntry("field", "body"));
  }

  @org.junit.jupiter.api.Test
  void headerKeyThatDiffersFromBodyKeyIsRejected() {
    var response = post("/api/v1/notifications", VALID.formatted("body-key"), "header-key");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
        .anySatisfy(e -> assertThat(e).containsEntry("field", "idempotencyKey"));
  }

  @org.junit.jupiter.api.Test
  void rejectedRequestStartsNothing() {
    post("/api/v1/notifications", VALID.formatted("rejected-1").replace("pd@it.example", "broken"));

    assertThat(get("/api/v1/notifications/notification-rejected-1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @org.junit.jupiter.api.Test
  void badHistoryParametersNameTheParameter() {
    var response = get("/api/v1/notifications?size=1000");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
        .anySatisfy(e -> assertThat(e).containsEntry("field", "size"));
  }
}
