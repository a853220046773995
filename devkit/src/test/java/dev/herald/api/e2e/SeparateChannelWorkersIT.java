package dev.herald.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 6: email and SMS served by separate worker processes (HERALD_WORKER_CHANNELS), each a
 * service of its own: one notification on both channels goes out through both, and while the SMS
 * worker is down the email still goes out and the SMS waits for it.
 */
@ExtendWith(E2eProcesses.class)
class SeparateChannelWorkersIT {

  private final E2eProcesses processes = E2eProcesses.get();
  private final HeraldClient herald = new HeraldClient(processes.infraUrl());

  @AfterEach
  void stopSmsWorker() {
    processes.smsWorker().stop(Duration.ofSeconds(20));
  }

  @Test
  void emailAndSmsWorkersAreSeparateProcessesAndEachChannelWaitsOnlyForItsOwn() {
    startSmsWorker();

    String both = send("e2e-split-1", "split-1@e2e.example", "+14155550161");
    assertThat(herald.awaitFinal(both, Duration.ofMinutes(2))).isEqualTo("COMPLETED");
    assertThat(channel(both, "EMAIL").get("sent").asInt()).isEqualTo(1);
    assertThat(channel(both, "SMS").get("delivered").asInt()).as("the SMS and its receipt").isEqualTo(1);

    processes.smsWorker().stop(Duration.ofSeconds(20));
    String emailFirst = send("e2e-split-2", "split-2@e2e.example", "+14155550162");
    Awaitility.await("the email out while no SMS worker runs").atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
        .until(() -> channel(emailFirst, "EMAIL").get("sent").asInt() == 1);
    assertThat(channel(emailFirst, "SMS").get("pending").asInt()).isEqualTo(1);
    assertThat(herald.notification(emailFirst).get("status").asText()).isEqualTo("SENDING");

    startSmsWorker();
    assertThat(herald.awaitFinal(emailFirst, Duration.ofMinutes(2))).isEqualTo("COMPLETED");
    assertThat(smsTo()).containsOnlyOnce("+14155550161", "+14155550162");
    SinkCount.of("separate channel workers", herald.outboxEmails(), List.of("split-1@e2e.example", "split-2@e2e.example"))
        .assertExactlyOnce(List.of("split-1@e2e.example", "split-2@e2e.example"));
  }

  /** Healthy once its web server is up; serving once its workers poll, and only the SMS queue (both its lanes). */
  private void startSmsWorker() {
    processes.smsWorker().start();
    Awaitility.await("the SMS worker polling").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> Files.readString(processes.smsWorker().log()).contains("Temporal workers polling [sms, sms-low]"));
  }

  private String send(String key, String email, String phone) {
    var response = herald.post("/api/v1/notifications", Map.of("idempotencyKey", key,
        "channels", List.of("EMAIL", "SMS"), "recipients", List.of(Map.of("email", email, "phone", phone)),
        "subject", "Split", "body", "One notification, two worker processes"));
    assertThat(response.status()).isEqualTo(202);
    return response.body().get("id").asText();
  }

  private JsonNode channel(String id, String channel) {
    for (JsonNode counts : herald.notification(id).get("progress").get("channels")) {
      if (counts.get("channel").asText().equals(channel)) {
        return counts;
      }
    }
    throw new AssertionError(id + " has no " + channel + " counts");
  }

  /** The numbers infra's Twilio simulator received texts for. */
  private List<String> smsTo() {
    List<String> to = new ArrayList<>();
    herald.get("/api/v1/dev/outbox?channel=SMS").forEach(item -> item.get("to").forEach(number -> to.add(number.asText())));
    return to;
  }
}
