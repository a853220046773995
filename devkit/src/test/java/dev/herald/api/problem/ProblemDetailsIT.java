package dev.herald.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
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

    assertThat(get("/api/v1/notifications/notification-admin~rejected-1").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @org.junit.jupiter.api.Test
  void badHistoryParametersNameTheParameter() {
    var response = get("/api/v1/notifications?size=1000");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
        .anySatisfy(e -> assertThat(e).containsEntry("field", "size"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      key given twice           | {"idempotencyKey":"d1","idempotencyKey":"d2","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b"} | idempotencyKey
      nested key given twice    | {"idempotencyKey":"d3","channels":["EMAIL"],"recipients":[{"email":"a@it.example","email":"b@it.example"}],"subject":"s","body":"b"} | recipients[0].email
      U+0000 in the subject     | {"idempotencyKey":"d4","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"a\\u0000b","body":"b"} | subject
      unpaired surrogate        | {"idempotencyKey":"d5","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"\\ud800"} | body
      control in a variable     | {"idempotencyKey":"d6","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"template":"t","variables":{"o":{"n":"\\u0007"}}} | variables.o.n
      U+0000 in a recipient id  | {"idempotencyKey":"d7","channels":["IN_APP"],"recipients":[{"id":"r\\u0000"}],"body":"b"} | recipients[0].id
      U+0000 in the sender      | {"idempotencyKey":"d8","sender":"\\u0000","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b"} | sender
      unpaired surrogate group  | {"idempotencyKey":"d9","channels":["EMAIL"],"group":"\\udc00","subject":"s","body":"b"} | group
      a whole number expected   | {"idempotencyKey":"d10","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"template":"t","templateVersion":"two"} | templateVersion
      an instant expected       | {"idempotencyKey":"d11","channels":["EMAIL"],"recipients":[{"email":"a@it.example"}],"subject":"s","body":"b","sendAt":{"at":1}} | sendAt
      an array expected         | {"idempotencyKey":"d12","channels":"EMAIL","recipients":[{"email":"a@it.example"}],"subject":"s","body":"b"} | channels
      not JSON                  | {"idempotencyKey":"d13", subject: 1}                                                                         | (body)
      """)
  void everyRefusalNamesTheFieldInTheCallersWords(String name, String json, String field) {
    var response = post("/api/v1/notifications", json);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
        .contains(field);
    assertThat(String.valueOf(response.getBody()))
        .doesNotContain("java.", "com.fasterxml", "Exception", "Instant", "Integer", "ArrayList", "jackson");
  }

  @org.junit.jupiter.api.Test
  void aParameterWithAControlCharacterIsRefusedBeforeAnythingIsLookedUp() {
    var response = http().get().uri(URI.create("http://localhost:" + port + "/api/v1/inbox?recipientId=user%00x"))
        .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() {});

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
        .anySatisfy(e -> assertThat(e).containsEntry("field", "recipientId"));
  }

  @org.junit.jupiter.api.Test
  void anApprovalCommentWithU0000IsRefused() {
    var response = post("/api/v1/notifications/notification-admin~none/approval",
        "{\"decision\":\"APPROVE\",\"comment\":\"ok\\u0000\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, Object>>) response.getBody().get("errors"))
        .anySatisfy(e -> assertThat(e).containsEntry("field", "comment"));
  }
}
