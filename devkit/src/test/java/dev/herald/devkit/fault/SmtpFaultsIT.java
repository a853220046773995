package dev.herald.devkit.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.devkit.simulator.smtp.SmtpFaultProxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Faults injected into the SMTP sink at run time reach the real SMTP client and Herald's retries. */
class SmtpFaultsIT extends HeraldIntegrationTest {

  private static final String FAULTS = "/api/v1/dev/simulators/smtp/faults";

  @Autowired private SimulatorFaults faults;

  @AfterEach
  void clearFaults() {
    http().delete().uri(FAULTS).retrieve().toBodilessEntity();
  }

  @Test
  void temporaryRejectionsAreRetriedUntilTheSinkRecovers() {
    long injectedBefore = faults.injected(SmtpFaultProxy.SIMULATOR);
    assertThat(post(FAULTS, "{\"errorCode\":\"451\",\"rate\":1.0}").getStatusCode()).isEqualTo(HttpStatus.OK);
    post("/api/v1/notifications", emailRequest("smtp-outage-1", "Outage", "outage@it.example"));
    await().atMost(Duration.ofSeconds(20)).until(() -> faults.injected(SmtpFaultProxy.SIMULATOR) >= injectedBefore + 2);

    http().delete().uri(FAULTS).retrieve().toBodilessEntity();

    awaitStatus("notification-admin~smtp-outage-1", "COMPLETED");
    assertThat(mailsTo("outage@it.example")).hasSize(1);
    assertThat(attempts("notification-admin~smtp-outage-1")).isGreaterThan(1);
  }

  @Test
  void permanentRejectionFailsTheDeliveryWithoutRetry() {
    post(FAULTS, "{\"errorCode\":\"550\",\"rate\":1.0}");

    post("/api/v1/notifications", emailRequest("smtp-reject-1", "Rejected", "rejected@it.example"));

    awaitStatus("notification-admin~smtp-reject-1", "FAILED");
    Map<String, Object> delivery = delivery("notification-admin~smtp-reject-1");
    assertThat(delivery).containsEntry("status", "FAILED").containsEntry("errorCode", "smtp-550").containsEntry("attempts", 1);
    assertThat(mailsTo("rejected@it.example")).isEmpty();
  }

  @Test
  void faultsCanBeReadAndCleared() {
    post(FAULTS, "{\"errorCode\":\"421\",\"rate\":0.5,\"latency\":\"PT0.01S\"}");

    var current = get(FAULTS);
    http().delete().uri(FAULTS).retrieve().toBodilessEntity();

    assertThat(current.getBody()).containsEntry("errorCode", "421").containsEntry("rate", 0.5);
    assertThat(get(FAULTS).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post("/api/v1/dev/simulators/fax/faults", "{\"rate\":1}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post(FAULTS, "{\"rate\":2}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private int attempts(String id) {
    return ((Number) delivery(id).get("attempts")).intValue();
  }

  private Map<String, Object> delivery(String id) {
    return ((List<Map<String, Object>>) get("/api/v1/notifications/" + id).getBody().get("deliveries")).get(0);
  }
}
