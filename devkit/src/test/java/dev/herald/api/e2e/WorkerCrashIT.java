package dev.herald.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.activities.sending.OutcomeWrites;
import dev.herald.workflows.notification.DeliveryPolicies;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scenario 1: the worker process is killed (SIGKILL) in the middle of a 5,000-recipient broadcast.
 * Every member gets their mail; what was sent but not yet recorded when the worker died (per batch in
 * flight, the message being sent and the outcome being written: {@link OutcomeWrites}) is sent again
 * with the same Message-IDs, nothing else.
 */
@ExtendWith(E2eProcesses.class)
class WorkerCrashIT {

  private static final int MEMBERS = 5_000;

  @Test
  void broadcastSurvivesKilledWorkerWithEveryMemberMailedOnce() {
    E2eProcesses processes = E2eProcesses.get();
    HeraldClient herald = new HeraldClient(processes.infraUrl());
    List<String> emails = herald.groupOf("e2e-crash", "crash", MEMBERS);

    String id = herald.approvedBroadcast("e2e-worker-crash", "e2e-crash");
    Awaitility.await("a fifth of the broadcast sent").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
        .until(() -> herald.sent(id) >= MEMBERS / 5);
    processes.worker().kill();
    long sentAtKill = herald.sent(id);
    processes.worker().start();

    assertThat(herald.awaitFinal(id, Duration.ofMinutes(5))).isEqualTo("COMPLETED");
    assertThat(sentAtKill).as("killed mid-broadcast").isLessThan(MEMBERS);
    assertThat(herald.notification(id).get("progress").get("sent").asInt()).isEqualTo(MEMBERS);
    // the worker died once: each batch in flight may send again what it had in flight
    int resendsAllowed = DeliveryPolicies.BATCH_WINDOW * OutcomeWrites.MOST_UNRECORDED;
    SinkCount.of("worker crash", herald.outboxEmails(), emails).assertExactlyOnce(emails, resendsAllowed);
  }
}
