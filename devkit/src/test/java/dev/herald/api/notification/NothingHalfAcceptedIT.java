package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.herald.api.ArbitraryText;
import dev.herald.api.HeraldIntegrationTest;
import dev.herald.workflows.messages.NotificationStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/**
 * The promise of the door, as a property: a request with arbitrary text (controls, U+0000, unpaired
 * surrogates, any plane, any length) in any one of its text fields is either refused with a 400
 * problem naming a field, or accepted and then reaches a final status, on every channel the field
 * travels to. Never a 500, never stuck. {@value #TRIES} tries per field, seeded by the field's name
 * (or {@code -Ddoor.seed=N}); a failure names the seed, the field and the input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NothingHalfAcceptedIT extends HeraldIntegrationTest {

  static final int TRIES = 200;
  private static final String TEMPLATE = "door-properties";
  private static final List<String> EVERY_CHANNEL = List.of("EMAIL", "SMS", "PUSH", "IN_APP", "SLACK");

  @BeforeAll
  void templateWithAPartOnEveryChannel() {
    post("/api/v1/templates", "{\"key\":\"" + TEMPLATE + "\",\"owner\":\"door\"}");
    post("/api/v1/templates/" + TEMPLATE + "/versions", """
        {"defaults":{"email":{"subject":"About {{v}}","text":"Text {{v}}"},"sms":{"body":"SMS {{v}}"},
         "push":{"title":"Push {{v}}"},"inApp":{"body":"Inbox {{v}}"},"slack":{"text":"Slack {{v}}"}}}""");
    post("/api/v1/templates/" + TEMPLATE + "/versions/1/publish", "{}");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sender", "subject", "body", "recipients[0].id", "recipients[0].email", "recipients[0].phone",
      "recipients[0].pushToken", "recipients[0].locale", "recipients[0].slack", "group", "template", "variables.v",
      "variables (a key)"})
  void everyRequestIsRefusedAtTheDoorOrEndsInAFinalStatus(String field) {
    long seed = Long.getLong("door.seed", field.hashCode());
    ArbitraryText texts = new ArbitraryText(seed);
    Map<String, String> accepted = new LinkedHashMap<>();
    for (int i = 0; i < TRIES; i++) {
      String value = texts.next();
      String key = "door-" + Math.abs(field.hashCode()) + "-" + seed + "-" + i;
      var response = post("/api/v1/notifications", ArbitraryText.json(request(field, key, value)));
      String context = "seed " + seed + ", " + field + " = \"" + ArbitraryText.spelled(value) + "\": " + response;
      if (response.getStatusCode() == HttpStatus.BAD_REQUEST) {
        assertProblemInCallersWords(response.getBody(), context);
      } else if (response.getStatusCode() == HttpStatus.ACCEPTED) {
        accepted.put(String.valueOf(response.getBody().get("id")), context);
      } else {
        fail("neither refused nor accepted: " + context);
      }
    }
    List<String> stuck = new ArrayList<>(accepted.keySet());
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> {
      stuck.removeIf(id -> isFinal(get("/api/v1/notifications/" + id).getBody()));
      return stuck.isEmpty();
    });
    assertThat(stuck).as(() -> "not final: " + stuck.stream().map(accepted::get).toList()).isEmpty();
  }

  /** A 400 names a field, in words: no Java class, no library's message. */
  static void assertProblemInCallersWords(Map<String, Object> problem, String context) {
    assertThat(problem).as(context).containsEntry("status", 400).containsKey("errors");
    assertThat((List<?>) problem.get("errors")).as(context).isNotEmpty();
    assertThat(String.valueOf(problem)).as(context)
        .doesNotContain("java.", "com.fasterxml", "Exception", "jackson", "org.springframework", "dev.herald");
  }

  private static boolean isFinal(Map<String, Object> view) {
    return view != null && view.get("status") instanceof String status && NotificationStatus.valueOf(status).isFinal();
  }

  /** A valid request with {@code value} in {@code field}, on the channels that field travels to. */
  private static Map<String, Object> request(String field, String key, String value) {
    Map<String, Object> recipient = new LinkedHashMap<>(Map.of("id", "door-recipient", "email", "door@it.example",
        "phone", "+14155550100", "slack", "U0DOOR1"));
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("idempotencyKey", key);
    request.put("channels", EVERY_CHANNEL);
    request.put("recipients", List.of(recipient));
    request.put("subject", "Door");
    request.put("body", "Door body");
    BiConsumer<String, List<String>> inRecipient = (name, channels) -> {
      recipient.put(name, value);
      request.put("channels", channels);
    };
    switch (field) {
      case "recipients[0].id" -> inRecipient.accept("id", List.of("IN_APP", "PUSH"));
      case "recipients[0].email" -> inRecipient.accept("email", List.of("EMAIL"));
      case "recipients[0].phone" -> inRecipient.accept("phone", List.of("SMS"));
      case "recipients[0].pushToken" -> inRecipient.accept("pushToken", List.of("PUSH"));
      case "recipients[0].locale" -> inRecipient.accept("locale", List.of("EMAIL", "SMS"));
      case "recipients[0].slack" -> inRecipient.accept("slack", List.of("SLACK"));
      case "group" -> {
        request.remove("recipients");
        request.put("group", value);
      }
      case "template", "variables.v", "variables (a key)" -> {
        request.remove("subject");
        request.remove("body");
        request.put("template", field.equals("template") ? value : TEMPLATE);
        if (!field.equals("template")) {
          request.put("variables", field.equals("variables.v") ? Map.of("v", value) : Map.of(value, "x"));
        }
      }
      default -> request.put(field, value);
    }
    return request;
  }
}
