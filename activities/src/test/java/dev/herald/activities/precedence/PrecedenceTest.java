package dev.herald.activities.precedence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.workflows.messages.Priority;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PrecedenceTest {

  private static final Work HIGH_SINGLE = Work.of(Priority.HIGH, 1);
  private static final Work NORMAL_SINGLE = Work.of(Priority.NORMAL, 1);
  private static final Work NORMAL_BROADCAST = Work.of(Priority.NORMAL, 1_000);
  private static final Work LOW_SINGLE = Work.of(Priority.LOW, 1);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Precedence precedence = new Precedence(settings(true, Duration.ofSeconds(10)), registry);

  @Test
  void aBroadcastGivesWayToSingleSendsOfItsPriorityOrHigher() {
    precedence.seen(NORMAL_SINGLE);

    assertThat(precedence.givesWay(NORMAL_BROADCAST)).isTrue();
    assertThat(precedence.givesWay(NORMAL_SINGLE)).as("equals do not give way to each other").isFalse();
    assertThat(precedence.givesWay(HIGH_SINGLE)).isFalse();
  }

  @Test
  void aBroadcastDoesNotGiveWayToLowerPrioritySends() {
    precedence.seen(LOW_SINGLE);

    assertThat(precedence.givesWay(NORMAL_BROADCAST)).isFalse();
  }

  @Test
  void lowWorkGivesWayToHighWorkAndHighWorkToNothing() {
    precedence.seen(HIGH_SINGLE);
    precedence.seen(LOW_SINGLE);

    assertThat(precedence.givesWay(LOW_SINGLE)).isTrue();
    assertThat(precedence.givesWay(Work.of(Priority.LOW, 500))).isTrue();
    assertThat(precedence.givesWay(HIGH_SINGLE)).isFalse();
    assertThat(precedence.givesWay(Work.of(Priority.HIGH, 500))).as("a HIGH broadcast gives way to HIGH singles").isTrue();
  }

  @Test
  void kafkaLanesGiveWayToHighWorkOnly() throws InterruptedException {
    precedence.seen(NORMAL_SINGLE);
    precedence.beforeEvent(Priority.LOW);
    assertThat(count("event")).as("LOW events do not crawl behind steady NORMAL traffic").isZero();

    precedence.seen(HIGH_SINGLE);
    precedence.beforeEvent(Priority.LOW);
    precedence.beforeEvent(Priority.NORMAL);
    assertThat(count("event")).isEqualTo(2);
  }

  @Test
  void eachPauseIsCountedByWhatGaveWay() throws InterruptedException {
    precedence.seen(HIGH_SINGLE);

    precedence.beforeEvent(Priority.LOW);
    precedence.beforeEvent(Priority.HIGH);
    precedence.beforeMember(NORMAL_BROADCAST);
    assertThat(precedence.relayPause()).isEqualTo(Duration.ofSeconds(10));

    assertThat(count("event")).isEqualTo(1);
    assertThat(count("member")).isEqualTo(1);
    assertThat(count("relay")).isEqualTo(1);
  }

  @Test
  void broadcastBatchesGivingWayTakeTurnsSoTheirPausesAddUp() throws Exception {
    Precedence turns = new Precedence(new PrecedenceProperties(true, Duration.ofSeconds(10), Duration.ofMillis(20),
        Duration.ofMillis(1), Duration.ofSeconds(1)), registry);
    turns.seen(NORMAL_SINGLE);
    ExecutorService batches = Executors.newFixedThreadPool(4);
    long start = System.nanoTime();

    List<Future<?>> members = new ArrayList<>();
    for (int batch = 0; batch < 4; batch++) {
      members.add(batches.submit(() -> {
        for (int member = 0; member < 5; member++) {
          turns.beforeMember(NORMAL_BROADCAST);
        }
        return null;
      }));
    }
    for (Future<?> member : members) {
      member.get();
    }
    batches.shutdown();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("20 pauses of 20 ms, one at a time")
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(count("member")).isEqualTo(20);
  }

  @Test
  void givingWayEndsAHoldAfterTheHigherWorkWasLastSeen() {
    Precedence shortHold = new Precedence(settings(true, Duration.ofMillis(100)), registry);
    shortHold.seen(HIGH_SINGLE);
    assertThat(shortHold.givesWay(LOW_SINGLE)).isTrue();

    await().atMost(Duration.ofSeconds(5)).until(() -> !shortHold.givesWay(LOW_SINGLE));
  }

  @Test
  void nothingGivesWayWhenTurnedOff() {
    Precedence off = new Precedence(settings(false, Duration.ofSeconds(10)), registry);
    off.seen(HIGH_SINGLE);

    assertThat(off.givesWay(LOW_SINGLE)).isFalse();
  }

  @Test
  void lowLanesStopPollingWhileHighWorkRunsButNeverLongerThanTheLanePauseAtAStretch() {
    long start = System.nanoTime();
    assertThat(precedence.lowLanesGiveWay(start)).as("nothing HIGH runs").isFalse();

    precedence.seen(HIGH_SINGLE);
    assertThat(precedence.lowLanesGiveWay(start)).isTrue();
    assertThat(precedence.lowLanesGiveWay(start + Duration.ofMillis(999).toNanos())).isTrue();
    assertThat(precedence.lowLanesGiveWay(start + Duration.ofSeconds(1).toNanos()))
        .as("after a lane pause the lanes poll again").isFalse();
    assertThat(precedence.lowLanesGiveWay(start + Duration.ofSeconds(10).toNanos()))
        .as("for a hold at least, though HIGH work still runs").isFalse();
    assertThat(precedence.lowLanesGiveWay(start + Duration.ofSeconds(11).toNanos())).isTrue();

    assertThat(count("polling")).as("each stop counted once").isEqualTo(2);
  }

  @Test
  void lowLanesPollAgainAHoldAfterHighWorkWasLastSeen() {
    Precedence shortHold = new Precedence(settings(true, Duration.ofMillis(100)), registry);
    shortHold.seen(HIGH_SINGLE);
    assertThat(shortHold.lowLanesGiveWay(System.nanoTime())).isTrue();

    await().atMost(Duration.ofSeconds(5)).until(() -> !shortHold.lowLanesGiveWay(System.nanoTime()));
  }

  @Test
  void lowLanesKeepPollingWhenTurnedOff() {
    Precedence off = new Precedence(settings(false, Duration.ofSeconds(10)), registry);
    off.seen(HIGH_SINGLE);

    assertThat(off.lowLanesGiveWay(System.nanoTime())).isFalse();
  }

  @Test
  void aSingleSendIsAFewMembersAndNoPriorityIsNormal() {
    assertThat(Work.of(null, Work.MOST_MEMBERS_OF_A_SINGLE)).isEqualTo(new Work(Priority.NORMAL, false));
    assertThat(Work.of(Priority.LOW, Work.MOST_MEMBERS_OF_A_SINGLE + 1).bulk()).isTrue();
  }

  private double count(String kind) {
    return registry.get("herald.precedence.pauses").tag("kind", kind).counter().count();
  }

  private static PrecedenceProperties settings(boolean enabled, Duration hold) {
    return new PrecedenceProperties(enabled, hold, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1));
  }
}
