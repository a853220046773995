package dev.herald.activities.delivery;

import static dev.herald.activities.delivery.DeliveryLogFixtures.email;
import static dev.herald.activities.delivery.DeliveryLogFixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.stats.ChannelPriorityStats;
import dev.herald.activities.stats.DeliveryStats;
import dev.herald.activities.stats.MinuteCount;
import dev.herald.activities.stats.StatsOutcome;
import dev.herald.activities.stats.TimeToDeliver;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V26's delivery times as the log's writes set them (a trigger on each status change) and the stats that
 * read them. Each test runs in one transaction, rolled back after it, so every time it writes is that
 * transaction's start: a window of that instant alone holds its deliveries and no other test's.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
@Import(DeliveryStats.class)
class DeliveryTimesTest {

  @Autowired DeliveryLogActivitiesImpl log;
  @Autowired DeliveryLogWrites writes;
  @Autowired DeliveryStats stats;
  @Autowired NamedParameterJdbcTemplate template;

  @Test
  void eachOutcomeIsCountedWhenItHappenedWithItsTimeToTheProviderAndToTheReceipt() {
    Instant now = now();
    NotificationSpec spec = notification("times-mix", now.minusSeconds(2), 4, Channel.EMAIL);
    log.recordAudience(spec, NotificationStatus.SENDING);
    writes.recordOutcome(DeliveryOutcome.sent(email(spec, 0), new ProviderReceipt("<m0@herald>", 1)));
    log.recordReceipt(new DeliveryReceipt(email(spec, 0), "<m0@herald>", DeliveryStatus.DELIVERED, "delivered", null));
    writes.recordOutcome(DeliveryOutcome.failed(email(spec, 1),
        new DeliveryError(DeliveryErrorType.INVALID_ADDRESS, "smtp-550", "mailbox unknown", 1)));
    writes.recordOutcome(DeliveryOutcome.skipped(email(spec, 2), "opted-out:channel=email", "opted out of email"));
    log.releasePending(spec.id(), "cancelled by admin");

    ChannelPriorityStats email = stats.byChannelAndPriority(now, now.plusMillis(1)).stream()
        .filter(s -> s.channel() == Channel.EMAIL && s.priority() == spec.priority()).findFirst().orElseThrow();
    assertThat(email).extracting(ChannelPriorityStats::sent, ChannelPriorityStats::delivered, ChannelPriorityStats::failed,
            ChannelPriorityStats::skipped, ChannelPriorityStats::cancelled, ChannelPriorityStats::tried)
        .containsExactly(1L, 1L, 1L, 1L, 1L, 2L);
    assertThat(email.failureRate()).isEqualTo(0.5);
    assertThat(email.toProvider()).isEqualTo(new TimeToDeliver(1, 2000L, 2000L));
    assertThat(email.toReceipt()).isEqualTo(new TimeToDeliver(1, 2000L, 2000L));
    Map<StatsOutcome, Long> perMinute = stats.perMinute(now, now.plusMillis(1)).stream()
        .filter(m -> m.channel() == Channel.EMAIL)
        .collect(Collectors.groupingBy(MinuteCount::outcome, Collectors.summingLong(MinuteCount::count)));
    assertThat(perMinute).containsExactlyInAnyOrderEntriesOf(Map.of(StatsOutcome.SENT, 1L, StatsOutcome.DELIVERED, 1L,
        StatsOutcome.FAILED, 1L, StatsOutcome.SKIPPED, 1L, StatsOutcome.CANCELLED, 1L));
  }

  @Test
  void aReceiptKeepsTheTimeTheProviderAcceptedAndAWriteThatChangesNoStatusSetsNoTime() {
    NotificationSpec spec = notification("times-receipt", 2);
    log.recordAudience(spec, NotificationStatus.SENDING);
    writes.recordOutcome(DeliveryOutcome.sent(email(spec, 0), new ProviderReceipt("<m0@herald>", 1)));
    writes.recordOutcome(DeliveryOutcome.sent(email(spec, 0), new ProviderReceipt("<again@herald>", 2)));
    log.recordReceipt(new DeliveryReceipt(email(spec, 0), "<m0@herald>", DeliveryStatus.DELIVERED, "delivered", null));

    Instant now = now();
    assertThat(times(email(spec, 0))).containsEntry("sent_at", now).containsEntry("status_at", now);
    assertThat(times(email(spec, 1))).isEmpty();
  }

  private Instant now() {
    return JdbcClient.create(template).sql("select now()").query(OffsetDateTime.class).single().toInstant();
  }

  private Map<String, Instant> times(String deliveryId) {
    Map<String, Instant> times = new java.util.HashMap<>();
    JdbcClient.create(template).sql("select sent_at, status_at from delivery where id = :id").param("id", deliveryId)
        .query(row -> {
          for (String column : new String[] {"sent_at", "status_at"}) {
            OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
            if (at != null) {
              times.put(column, at.toInstant());
            }
          }
        });
    return times;
  }
}
