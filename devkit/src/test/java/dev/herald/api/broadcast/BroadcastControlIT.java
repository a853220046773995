package dev.herald.api.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * An admin steers a running broadcast: paused, it sends nothing more until resumed; cancelled, what
 * was not sent yet is CANCELLED. Paused right after approval, so what got out before the pause is
 * only what the batches already in flight sent (they finish; no new one starts).
 */
class BroadcastControlIT extends BroadcastIntegrationTest {

  private static final int MEMBERS = 1_000;
  private static final Duration QUIET = Duration.ofSeconds(1);

  @Test
  void aPausedBroadcastSendsNothingUntilResumedThenCompletes() {
    String domain = "paused.it.example";
    groupOf("bc-pause", "bcp", domain, MEMBERS);
    publishGreeting();
    String id = sendTemplated("bc-pause-1", "bc-pause");
    awaitStatus(id, "PENDING_APPROVAL", BROADCAST_WAIT);

    approve(id);
    assertThat(post("/api/v1/notifications/" + id + "/pause", "").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus(id, "PAUSED", BROADCAST_WAIT);
    // PAUSED is written when the next batch would start; the batches already in flight finish first
    int sentBeforePause = awaitMailsSettled(domain);
    await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> mailsToDomain(domain).size() == sentBeforePause);
    assertThat(sentBeforePause).as("sent before the pause took effect").isLessThan(MEMBERS);
    assertThat(get("/api/v1/notifications?status=PAUSED&size=100").getBody().toString()).contains(id);

    assertThat(post("/api/v1/notifications/" + id + "/resume", "").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus(id, "COMPLETED", BROADCAST_WAIT);

    Map<String, Long> mailsPerAddress = mailsToDomain(domain).stream()
        .collect(Collectors.groupingBy(BroadcastIntegrationTest::to, Collectors.counting()));
    assertThat(mailsPerAddress).hasSize(MEMBERS).allSatisfy((address, mails) -> assertThat(mails).isOne());
    assertThat(channelCounts(id, "EMAIL")).containsEntry("sent", MEMBERS).containsEntry("pending", 0);
  }

  /** The mails to {@code domain} once their count stops changing (unchanged over {@link #QUIET}). */
  private int awaitMailsSettled(String domain) {
    AtomicInteger last = new AtomicInteger(-1);
    await().atMost(BROADCAST_WAIT).pollInterval(QUIET)
        .until(() -> {
          int now = mailsToDomain(domain).size();
          return now == last.getAndSet(now);
        });
    return last.get();
  }

  @Test
  void cancellingAPausedBroadcastCancelsWhatWasNotSent() {
    String domain = "cancelled.it.example";
    groupOf("bc-cancel", "bcc", domain, MEMBERS);
    publishGreeting();
    String id = sendTemplated("bc-cancel-1", "bc-cancel");
    awaitStatus(id, "PENDING_APPROVAL", BROADCAST_WAIT);
    approve(id);
    post("/api/v1/notifications/" + id + "/pause", "");
    awaitStatus(id, "PAUSED", BROADCAST_WAIT);

    assertThat(post("/api/v1/notifications/" + id + "/cancel", "").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    awaitStatus(id, "CANCELLED", BROADCAST_WAIT);

    int mailed = mailsToDomain(domain).size();
    await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> mailsToDomain(domain).size() == mailed);
    Map<String, Object> email = channelCounts(id, "EMAIL");
    assertThat(email).containsEntry("total", MEMBERS).containsEntry("pending", 0).containsEntry("sent", mailed)
        .containsEntry("cancelled", MEMBERS - mailed);
    assertThat(mailed).isLessThan(MEMBERS);
    assertThat(post("/api/v1/notifications/" + id + "/resume", "").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }
}
