package dev.herald.activities.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relay's reads of the outbox: in order, deleting what was published and keeping the rest, one
 * relay at a time. Committed, not rolled back: the lock is only seen across transactions.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class EventOutboxTest {

  @Autowired EventOutbox outbox;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("delete from delivery_event");
  }

  @Test
  void theRelayHandsEventsOldestFirstAndDeletesOnlyThePublishedOnes() {
    events(5, "SENT", "n-1", "EMAIL", "SENT");
    List<String> handed = new ArrayList<>();

    int published = outbox.relay(3, events -> {
      events.forEach(event -> handed.add(event.deliveryId()));
      return 2;
    });

    assertThat(published).isEqualTo(2);
    assertThat(handed).containsExactly("n-1/email/0", "n-1/email/1", "n-1/email/2");
    assertThat(jdbc.queryForList("select delivery_id from delivery_event order by seq", String.class))
        .containsExactly("n-1/email/2", "n-1/email/3", "n-1/email/4");
    assertThat(outbox.backlog()).isEqualTo(3);
  }

  @Test
  void aSecondRelayPublishesNothingWhileTheFirstHoldsTheOutbox() throws Exception {
    events(1, "ACCEPTED", "n-2", "SMS", "PENDING");
    CountDownLatch publishing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> outbox.relay(10, events -> {
      publishing.countDown();
      await(release);
      return events.size();
    }));
    assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();

    int second = outbox.relay(10, events -> events.size());
    release.countDown();

    assertThat(second).isEqualTo(-1);
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(outbox.backlog()).isZero();
  }

  @Test
  void theRelayReadsAndDeletesThroughTheIndexWhenTheStatisticsDescribeANearlyEmptyOutbox() {
    events(3, "ACCEPTED", "n-3", "EMAIL", "PENDING");
    jdbc.execute("analyze delivery_event");
    // the premise: a plan made on these statistics, as a connection caches it, scans the whole table
    assertThat(genericPlans()).contains("Seq Scan");

    List<String> plansInTheRelay = new ArrayList<>();
    outbox.relay(10, events -> {
      plansInTheRelay.add(genericPlans());
      return events.size();
    });

    assertThat(plansInTheRelay).singleElement().satisfies(plans -> assertThat(plans)
        .doesNotContain("Seq Scan").contains("using delivery_event_pkey on delivery_event"));
  }

  /** {@code count} events of one notification's deliveries on {@code channel}, numbered from 0. */
  private void events(int count, String type, String notificationId, String channel, String status) {
    for (int i = 0; i < count; i++) {
      jdbc.update("""
          insert into delivery_event (type, notification_id, delivery_id, channel, status)
          values (?, ?, ?, ?, ?)""", type, notificationId, notificationId + "/" + channel.toLowerCase() + "/" + i,
          channel, status);
    }
  }

  /** The plans PostgreSQL would cache for the relay's read and delete, whatever their parameters. */
  private String genericPlans() {
    return genericPlan(EventOutbox.OLDEST, "int", "10") + "\n"
        + genericPlan(EventOutbox.DELETE_PUBLISHED, "bigint[]", "'{1}'");
  }

  /** The generic plan of {@code statement}, whose one JDBC parameter is of {@code type}, on this transaction's connection. */
  private String genericPlan(String statement, String type, String argument) {
    return jdbc.execute((ConnectionCallback<String>) connection -> {
      try (Statement sql = connection.createStatement()) {
        sql.execute("prepare relay_statement(" + type + ") as " + statement.replace("?", "$1"));
        sql.execute("set plan_cache_mode = force_generic_plan");
        List<String> plan = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("explain execute relay_statement(" + argument + ")")) {
          while (rows.next()) {
            plan.add(rows.getString(1));
          }
        }
        sql.execute("reset plan_cache_mode");
        sql.execute("deallocate relay_statement");
        return String.join("\n", plan);
      }
    });
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
