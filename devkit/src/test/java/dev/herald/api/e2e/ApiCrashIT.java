package dev.herald.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario 5: a separate API process is killed (SIGKILL) during a storm of concurrent POSTs and
 * started again; the client retries, with the same idempotency key, every request it got no answer for.
 */
@ExtendWith(E2eProcesses.class)
class ApiCrashIT {

  private static final Logger log = LoggerFactory.getLogger(ApiCrashIT.class);
  private static final int REQUESTS = 300;

  @Test
  void everyAcceptedOrRetriedRequestSendsExactlyOnce() throws Exception {
    E2eProcesses processes = E2eProcesses.get();
    HeraldProcess api = processes.api();
    api.start();
    HeraldClient client = new HeraldClient(processes.apiUrl());
    Set<Integer> accepted = ConcurrentHashMap.newKeySet();
    Set<Integer> unanswered = ConcurrentHashMap.newKeySet();
    AtomicInteger answered = new AtomicInteger();

    ExecutorService storm = Executors.newFixedThreadPool(8);
    IntStream.range(0, REQUESTS).forEach(i -> storm.submit(() -> {
      try {
        HeraldClient.Response response = client.post("/api/v1/notifications", request(i));
        assertThat(response.status()).as("request %d: %s", i, response.body()).isIn(200, 202);
        accepted.add(i);
        answered.incrementAndGet();
      } catch (RuntimeException | AssertionError e) {
        unanswered.add(i);
      }
    }));
    Awaitility.await("a third answered").atMost(Duration.ofMinutes(2)).until(() -> answered.get() >= REQUESTS / 3);
    api.kill();
    storm.shutdown();
    assertThat(storm.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    log.info("api crash: {} answered before the kill, {} without an answer", accepted.size(), unanswered.size());

    api.start();
    for (int i : Set.copyOf(unanswered)) {
      HeraldClient.Response retry = client.post("/api/v1/notifications", request(i));
      assertThat(retry.status()).as("retry %d: %s", i, retry.body()).isIn(200, 202);
    }
    api.stop(Duration.ofSeconds(20));

    HeraldClient herald = new HeraldClient(processes.infraUrl());
    List<String> ids = IntStream.range(0, REQUESTS).mapToObj(i -> "notification-e2e~api-crash-" + i).toList();
    assertThat(accepted.size() + unanswered.size()).isEqualTo(REQUESTS);
    assertThat(herald.awaitAllFinal(ids, Duration.ofMinutes(4))).as("notifications not COMPLETED").isEmpty();
    assertThat(ids).allSatisfy(id -> assertThat(herald.notification(id).get("deliveries").size()).isEqualTo(1));
    List<String> emails = IntStream.range(0, REQUESTS).mapToObj(i -> HeraldClient.email("api-crash", i)).toList();
    SinkCount.of("api crash", herald.outboxEmails(), emails).assertExactlyOnce(emails);
  }

  private static Map<String, Object> request(int i) {
    return Map.of("idempotencyKey", "api-crash-" + i, "sender", "e2e", "channels", List.of("EMAIL"),
        "recipients", List.of(Map.of("email", HeraldClient.email("api-crash", i))),
        "subject", "Crash " + i, "body", "Hello " + i);
  }
}
