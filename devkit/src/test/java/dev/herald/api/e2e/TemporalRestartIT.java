package dev.herald.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 2: the Temporal dev server is stopped (SIGTERM) while 200 single notifications and a
 * broadcast are in flight, then started again on the same SQLite file and ports.
 */
@ExtendWith(E2eProcesses.class)
class TemporalRestartIT {

  private static final int SINGLES = 200;
  /** Enough that the broadcast is still sending when the stop takes effect (batches run on meanwhile). */
  private static final int MEMBERS = 5_000;

  @Test
  void inFlightNotificationsCompleteAfterServerRestart() {
    E2eProcesses processes = E2eProcesses.get();
    HeraldClient herald = new HeraldClient(processes.infraUrl());
    List<String> emails = new ArrayList<>(herald.groupOf("e2e-restart", "restart-member", MEMBERS));
    String broadcast = herald.approvedBroadcast("e2e-server-restart", "e2e-restart");
    List<String> ids = new ArrayList<>(herald.sendSingles("restart-single", SINGLES));
    IntStream.range(0, SINGLES).mapToObj(i -> HeraldClient.email("restart-single", i)).forEach(emails::add);
    Awaitility.await("the broadcast under way").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
        .until(() -> herald.sent(broadcast) > 0);

    processes.temporal().stop(Duration.ofSeconds(30));
    long sentAtStop = herald.sent(broadcast);
    processes.startTemporal();

    ids.add(broadcast);
    assertThat(herald.awaitAllFinal(ids, Duration.ofMinutes(4))).as("notifications not COMPLETED").isEmpty();
    assertThat(sentAtStop).as("stopped mid-broadcast").isLessThan(MEMBERS);
    SinkCount.of("server restart", herald.outboxEmails(), emails).assertExactlyOnce(emails);
  }
}
