package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.api.HeraldIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While a delivery is retried, its detail view shows the attempts so far and the last error; once sent, no error. */
class RetriedDeliveryIT extends HeraldIntegrationTest {

  /** The SMTP sink's faults (dev mode), reached over HTTP as a person would. */
  private static final String SMTP_FAULTS = "/api/v1/dev/simulators/smtp/faults";

  @AfterEach
  void clearFaults() {
    http().delete().uri(SMTP_FAULTS).retrieve().toBodilessEntity();
  }

  @Test
  void aDeliveryBeingRetriedShowsItsAttemptsAndLastErrorAndNoErrorOnceSent() {
    post(SMTP_FAULTS, "{\"errorCode\":\"451\",\"rate\":1.0}");
    post("/api/v1/notifications", emailRequest("retried-1", "Retried", "retried@it.example"));

    await().atMost(Duration.ofSeconds(20)).until(() -> attempts(delivery("notification-admin~retried-1")) >= 2);
    Map<String, Object> retrying = delivery("notification-admin~retried-1");
    assertThat(retrying).containsEntry("status", "PENDING").containsEntry("errorCode", "smtp-451");
    assertThat((String) retrying.get("lastError")).contains("451");

    http().delete().uri(SMTP_FAULTS).retrieve().toBodilessEntity();
    awaitStatus("notification-admin~retried-1", "COMPLETED");
    Map<String, Object> sent = delivery("notification-admin~retried-1");
    assertThat(sent).containsEntry("status", "SENT").containsEntry("lastError", null).containsEntry("errorCode", null);
    assertThat(attempts(sent)).isGreaterThan(2);
  }

  private static int attempts(Map<String, Object> delivery) {
    return delivery == null ? 0 : ((Number) delivery.get("attempts")).intValue();
  }

  private Map<String, Object> delivery(String id) {
    var view = get("/api/v1/notifications/" + id).getBody();
    var deliveries = view == null ? null : (List<Map<String, Object>>) view.get("deliveries");
    return deliveries == null || deliveries.isEmpty() ? null : deliveries.get(0);
  }
}
