package dev.herald.api.console.dev;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldIntegrationTest;
import dev.herald.api.console.ConsoleClient;
import dev.herald.devkit.fault.SimulatorFaults;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The console's dev tools (dev mode): the outbox of the local sinks and the simulators' fault switches. */
class DevToolsIT extends HeraldIntegrationTest {

  @Autowired SimulatorFaults faults;

  @Test
  void theOutboxShowsAnEmailTheSinkReceived() {
    String id = notificationId("dev-tools-outbox");
    post("/api/v1/notifications", emailRequest("dev-tools-outbox", "Seen in the outbox 한국어", "outbox-page@example.com"));
    awaitStatus(id, "COMPLETED");
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(senderKey("dev-tools"));

    HttpResponse<String> page = browser.get("/console/dev?channel=EMAIL");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Seen in the outbox 한국어").contains("outbox-page@example.com");
  }

  @Test
  void aFaultSwitchedOnInThePageIsInForceUntilCleared() {
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(senderKey("dev-tools"));
    browser.get("/console/dev");
    try {
      HttpResponse<String> on = browser.post("/console/dev/faults/slack", Map.of("httpStatus", "503", "rate", "0.5"));

      assertThat(on.statusCode()).isEqualTo(302);
      assertThat(faults.current("slack")).hasValueSatisfying(f -> {
        assertThat(f.httpStatus()).isEqualTo(503);
        assertThat(f.rate()).isEqualTo(0.5);
      });
      assertThat(browser.get("/console/dev").body()).contains("Failing 50.0% of calls with HTTP 503");

      browser.post("/console/dev/faults/slack/clear", Map.of());
      assertThat(faults.current("slack")).isEmpty();
    } finally {
      faults.clear("slack");
    }
  }

  @Test
  void aWrongValueIsShownBesideItsFieldAndChangesNothing() {
    ConsoleClient browser = new ConsoleClient(port);
    browser.signIn(senderKey("dev-tools"));
    browser.get("/console/dev");

    HttpResponse<String> refused = browser.post("/console/dev/faults/fcm", Map.of("rate", "1.5", "httpStatus", "503"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"rate-error\"").contains("must be between 0 and 1")
        .contains("aria-invalid=\"true\"").contains("value=\"1.5\"");
    assertThat(faults.current("fcm")).isEmpty();
  }
}
