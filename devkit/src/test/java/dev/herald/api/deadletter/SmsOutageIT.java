package dev.herald.api.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.devkit.simulator.twilio.TwilioIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The SMS provider down for longer than SMS's retry budget (3 attempts here): the deliveries become dead
 * letters with every attempt's error; the provider recovers, a bulk re-drive sends each exactly once, and
 * a re-drive again is refused.
 */
@TestPropertySource(properties = "herald.retry.channels.sms.max-attempts=3")
class SmsOutageIT extends TwilioIntegrationTest {

  @Autowired private JdbcTemplate jdbc;

  private static final String SENDER = "outage-it";
  private static final List<String> PHONES = List.of("+14155550801", "+14155550802", "+14155550803");

  @Test
  @SuppressWarnings("unchecked")
  void deliveriesDeadLetteredInAnOutageAreSentOnceByABulkRedrive() {
    injectFault("{\"httpStatus\":503,\"rate\":1}");
    for (int i = 0; i < PHONES.size(); i++) {
      post("/api/v1/notifications", "{\"idempotencyKey\":\"outage-" + i + "\",\"sender\":\"" + SENDER
          + "\",\"channels\":[\"SMS\"],\"recipients\":[{\"phone\":\"" + PHONES.get(i) + "\"}],\"body\":\"Outage " + i + "\"}");
    }
    for (int i = 0; i < PHONES.size(); i++) {
      awaitStatus("notification-" + SENDER + "~outage-" + i, "FAILED");
    }
    List<Map<String, Object>> letters = openLetters();
    assertThat(letters).hasSize(PHONES.size()).allSatisfy(letter -> assertThat(letter)
        .containsEntry("kind", "DELIVERY").containsEntry("channel", "SMS").containsEntry("status", "OPEN"));
    var inspected = get("/api/v1/dead-letters/" + letters.get(0).get("id")).getBody();
    assertThat((List<Map<String, Object>>) inspected.get("attempts")).hasSize(3)
        .allSatisfy(attempt -> assertThat(attempt).containsEntry("errorType", "PROVIDER_UNAVAILABLE"));
    assertThat(twilio.acceptedTo(PHONES.get(0))).isEmpty();
    assertThat(keptContent()).as("what each notification sends, kept for re-drives").isEqualTo(PHONES.size());

    clearFault();
    var bulk = post("/api/v1/dead-letters/open/redrive?sender=" + SENDER + "&channel=SMS", "");

    assertThat(bulk.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat((List<Object>) bulk.getBody().get("redriven")).hasSize(PHONES.size());
    for (int i = 0; i < PHONES.size(); i++) {
      awaitStatus("notification-" + SENDER + "~outage-" + i, "COMPLETED");
    }
    await().atMost(DELIVERY_WAIT).until(() -> letters(SENDER, "REDRIVEN").size() == PHONES.size());
    PHONES.forEach(phone -> assertThat(twilio.acceptedTo(phone)).as(phone).hasSize(1));
    assertThat(keptContent()).as("nothing left to re-drive").isZero();
    var again = post("/api/v1/dead-letters/" + letters.get(0).get("id") + "/redrive", "");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(post("/api/v1/dead-letters/open/redrive?sender=" + SENDER, "").getBody())
        .containsEntry("redriven", List.of()).containsEntry("more", false);
    PHONES.forEach(phone -> assertThat(twilio.acceptedTo(phone)).as(phone).hasSize(1));
  }

  private List<Map<String, Object>> openLetters() {
    await().atMost(DELIVERY_WAIT).until(() -> letters(SENDER, "OPEN").size() == PHONES.size());
    return letters(SENDER, "OPEN");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> letters(String sender, String status) {
    ResponseEntity<Map<String, Object>> page = http().get()
        .uri("/api/v1/dead-letters?sender={sender}&status={status}", sender, status)
        .retrieve().toEntity(new ParameterizedTypeReference<>() {});
    return (List<Map<String, Object>>) page.getBody().get("items");
  }

  private int keptContent() {
    return jdbc.queryForObject("select count(*) from notification_content where notification_id like ?", Integer.class,
        "notification-" + SENDER + "~%");
  }
}
