package dev.herald.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scenario 3: the SMTP provider rejects every mail (451) for ~10 s during sends, then recovers. */
@ExtendWith(E2eProcesses.class)
class SmtpOutageIT {

  private static final String FAULTS = "/api/v1/dev/simulators/smtp/faults";
  private static final int SINGLES = 200;
  private static final int MEMBERS = 1_500;

  private final HeraldClient herald = new HeraldClient(E2eProcesses.get().infraUrl());

  @AfterEach
  void clearFault() {
    herald.delete(FAULTS);
  }

  @Test
  void everyNotificationCompletesOnceAfterProviderOutage() throws InterruptedException {
    List<String> emails = new ArrayList<>(herald.groupOf("e2e-outage", "outage-member", MEMBERS));
    String broadcast = herald.approvedBroadcast("e2e-smtp-outage", "e2e-outage");
    Awaitility.await("the broadcast under way").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> herald.sent(broadcast) >= MEMBERS / 10);

    assertThat(herald.post(FAULTS, Map.of("errorCode", "451", "rate", 1.0)).status()).isEqualTo(200);
    List<String> ids = new ArrayList<>(herald.sendSingles("outage-single", SINGLES));
    IntStream.range(0, SINGLES).mapToObj(i -> HeraldClient.email("outage-single", i)).forEach(emails::add);
    long sentInOutage = herald.sent(broadcast);
    Awaitility.await("nothing sent while the provider refuses").during(Duration.ofSeconds(10))
        .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
        .until(() -> herald.sent(broadcast) == sentInOutage);
    herald.delete(FAULTS);

    ids.add(broadcast);
    assertThat(herald.awaitAllFinal(ids, Duration.ofMinutes(4))).as("notifications not COMPLETED").isEmpty();
    assertThat(sentInOutage).as("the outage began mid-broadcast").isLessThan(MEMBERS);
    SinkCount.of("provider outage", herald.outboxEmails(), emails).assertExactlyOnce(emails);
  }
}
