package dev.herald.activities.delivery;

import static dev.herald.activities.delivery.DeliveryLogFixtures.broadcast;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.GroupFixtures;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long the audience snapshot of a large group takes (a benchmark, not a test: it prints the time).
 * Run with {@code mvn -o -pl activities -am test -Dtest=BroadcastSnapshotBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dherald.bench=true [-Dherald.bench.members=100000]}.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
@EnabledIfSystemProperty(named = "herald.bench", matches = "true")
class BroadcastSnapshotBenchmark {

  private static final Logger logger = LoggerFactory.getLogger(BroadcastSnapshotBenchmark.class);

  @Autowired DeliveryLogActivitiesImpl log;
  @Autowired NamedParameterJdbcTemplate jdbc;

  @Test
  void snapshotOfALargeGroup() {
    int members = Integer.getInteger("herald.bench.members", 100_000);
    GroupFixtures.largeGroup(JdbcClient.create(jdbc), DeliveryLogFixtures.SENDER, "bench", "bench-", members);
    NotificationSpec spec = broadcast("bench-1", "bench", Channel.EMAIL, Channel.IN_APP);

    long start = System.nanoTime();
    Audience audience = log.recordAudience(spec, NotificationStatus.ACCEPTED);
    long snapshotMillis = (System.nanoTime() - start) / 1_000_000;
    start = System.nanoTime();
    Audience repeat = log.recordAudience(spec, NotificationStatus.ACCEPTED);
    long repeatMillis = (System.nanoTime() - start) / 1_000_000;

    logger.info("snapshot of {} members x {} channels: {} deliveries in {} ms; repeat {} ms", members,
        spec.channels().size(), audience.deliveries(), snapshotMillis, repeatMillis);
    assertThat(audience.deliveries()).isEqualTo(2 * members);
    assertThat(repeat).isEqualTo(audience);
  }
}
