package dev.herald.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

  @Test
  void startsAtOnceWhenThereIsRoom() throws InterruptedException {
    InFlightLimit limit = limit(2, Duration.ofSeconds(5), 1);

    assertThat(limit.awaitRoom()).isFalse();
  }

  @Test
  void waitsUntilTheCountDropsBelowTheLimit() throws InterruptedException {
    CountingLog log = new CountingLog(List.of(3, 2, 1));
    InFlightLimit limit = new InFlightLimit(log, properties(2, Duration.ofSeconds(5)));

    assertThat(limit.awaitRoom()).isTrue();
    assertThat(log.asked).isEqualTo(3);
  }

  @Test
  void startsInQuickSuccessionShareOneCountAndStopAtTheLimit() throws InterruptedException {
    CountingLog log = new CountingLog(List.of(1));
    InFlightLimit limit = new InFlightLimit(log, properties(3, Duration.ofSeconds(5)));

    assertThat(limit.awaitRoom()).isFalse();
    assertThat(limit.awaitRoom()).isFalse();
    assertThat(log.asked).isEqualTo(1);

    assertThat(limit.awaitRoom()).as("1 counted + 2 started = the limit: waits for a new count").isTrue();
    assertThat(log.asked).isEqualTo(2);
  }

  @Test
  void listenersWaitingTogetherShareTheNewCount() throws Exception {
    CountingLog log = new CountingLog(List.of(2, 0));
    InFlightLimit limit = new InFlightLimit(log, properties(2, Duration.ofSeconds(5)));
    ExecutorService listeners = Executors.newFixedThreadPool(2);
    try {
      List<Future<Boolean>> waits = listeners.invokeAll(List.of(limit::awaitRoom, limit::awaitRoom));

      assertThat(waits.get(0).get()).isTrue();
      assertThat(waits.get(1).get()).isTrue();
      assertThat(log.asked).as("one count when they came, one that let both through").isEqualTo(2);
    } finally {
      listeners.shutdownNow();
    }
  }

  @Test
  void givesUpWaitingAfterMaxWaitAndStartsAnyway() throws InterruptedException {
    InFlightLimit limit = limit(2, Duration.ofMillis(120), 5);

    long start = System.nanoTime();
    assertThat(limit.awaitRoom()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
  }

  private static InFlightLimit limit(int max, Duration maxWait, int alwaysInFlight) {
    return new InFlightLimit(new CountingLog(List.of(alwaysInFlight)), properties(max, maxWait));
  }

  private static IngestProperties properties(int max, Duration maxWait) {
    return new IngestProperties("requests", "requests.dlt", 1, (short) 1, max, maxWait, Map.of("requests", "*"));
  }

  /** The delivery log's in-flight count, answering the given values in turn and then the last one for ever. */
  private static final class CountingLog implements IntSupplier {
    private final Deque<Integer> answers;
    int asked;

    CountingLog(List<Integer> answers) {
      this.answers = new ArrayDeque<>(answers);
    }

    @Override
    public int getAsInt() {
      asked++;
      return answers.size() > 1 ? answers.poll() : answers.peek();
    }
  }
}
