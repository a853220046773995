package dev.herald.activities.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.delivery.DeliveryOutcome;
import dev.herald.workflows.messages.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutcomeWriterTest {

  private final List<List<String>> statements = new CopyOnWriteArrayList<>();
  private final CountDownLatch databaseFree = new CountDownLatch(1);
  private OutcomeWriter writer;

  @AfterEach
  void stop() {
    databaseFree.countDown();
    writer.stop();
  }

  @Test
  void outcomesOfBatchesThatWaitedTogetherGoInOneStatement() {
    writer = new OutcomeWriter(slowDatabase(outcomes -> {}));
    OutcomeWrites first = emailBatch();
    OutcomeWrites second = emailBatch();
    first.record(sent("a/1"));
    untilWriting();
    first.record(sent("a/2"));
    second.record(sent("b/1"));
    databaseFree.countDown();

    first.awaitWritten();
    second.awaitWritten();
    assertThat(statements).containsExactly(List.of("a/1"), List.of("a/2", "b/1"));
  }

  @Test
  void aSendWaitsWhileMoreThanTheMostHandedAreUnwritten() throws Exception {
    writer = new OutcomeWriter(slowDatabase(outcomes -> {}));
    OutcomeWrites batch = emailBatch();
    for (int i = 0; i < OutcomeWrites.MOST_HANDED; i++) {
      batch.record(sent("a/" + i));
    }
    batch.beforeSend();
    batch.record(sent("a/last"));

    CompletableFuture<Void> nextSend = CompletableFuture.runAsync(batch::beforeSend);
    assertThat(nextSend).failsWithin(200, TimeUnit.MILLISECONDS);
    databaseFree.countDown();
    nextSend.get(5, TimeUnit.SECONDS);
    batch.awaitWritten();
    assertThat(statements.stream().mapToInt(List::size).sum()).isEqualTo(OutcomeWrites.MOST_HANDED + 1);
  }

  @Test
  void aRowTheDatabaseRefusesFailsOnlyItsOwnBatch() {
    databaseFree.countDown();
    writer = new OutcomeWriter(outcomes -> {
      if (outcomes.stream().anyMatch(outcome -> outcome.deliveryId().startsWith("bad"))) {
        throw new IllegalArgumentException("refused");
      }
      statements.add(ids(outcomes));
    });
    OutcomeWrites bad = emailBatch();
    OutcomeWrites good = emailBatch();
    bad.record(sent("bad/1"));
    good.record(sent("good/1"));

    assertThatThrownBy(bad::awaitWritten).hasMessage("refused");
    good.awaitWritten();
    assertThat(statements).contains(List.of("good/1"));
  }

  @Test
  void whereARepeatReachesAPersonEachOutcomeIsWrittenBeforeRecordReturns() {
    List<String> written = new ArrayList<>();
    writer = new OutcomeWriter(outcomes -> { throw new AssertionError("not through the shared writer"); });
    OutcomeWrites sms = new OutcomeWrites(outcomes -> written.addAll(ids(outcomes)), writer, Channel.SMS);
    sms.record(sent("s/1"));
    assertThat(written).containsExactly("s/1");
  }

  private OutcomeWrites emailBatch() {
    return new OutcomeWrites(outcomes -> { throw new AssertionError("email goes through the shared writer"); }, writer,
        Channel.EMAIL);
  }

  /** A database whose writes wait until {@link #databaseFree}, recording each statement's ids first. */
  private Consumer<List<DeliveryOutcome>> slowDatabase(Consumer<List<DeliveryOutcome>> then) {
    return outcomes -> {
      statements.add(ids(outcomes));
      try {
        databaseFree.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      then.accept(outcomes);
    };
  }

  /** Waits until the writer has started its first statement. */
  private void untilWriting() {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (statements.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(statements).hasSize(1);
  }

  private static List<String> ids(List<DeliveryOutcome> outcomes) {
    return outcomes.stream().map(DeliveryOutcome::deliveryId).toList();
  }

  private static DeliveryOutcome sent(String id) {
    return DeliveryOutcome.sent(id, new ProviderReceipt("m-" + id, 1));
  }
}
