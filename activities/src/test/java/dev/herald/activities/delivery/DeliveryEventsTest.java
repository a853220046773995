package dev.herald.activities.delivery;

import static dev.herald.activities.delivery.DeliveryLogFixtures.email;
import static dev.herald.activities.delivery.DeliveryLogFixtures.list;
import static dev.herald.activities.delivery.DeliveryLogFixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.activities.deadletter.DeadLetterWrites;
import dev.herald.activities.events.DeliveryEvent;
import dev.herald.activities.events.DeliveryEventType;
import dev.herald.activities.events.DeliveryEvents;
import dev.herald.activities.events.EventOutbox;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Recipient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery events outbox as the delivery log's writes fill it (V25's triggers): one event per
 * status change, none for a write that changes no status. Each test runs in a transaction rolled back
 * after it.
 */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class DeliveryEventsTest {

  @Autowired DeliveryLogActivitiesImpl log;
  @Autowired DeliveryLogWrites writes;
  @Autowired DeliveryRepository deliveries;
  @Autowired DeliveryEvents events;
  @Autowired DeadLetterWrites deadLetters;
  @Autowired EventOutbox eventOutbox;
  @Autowired NamedParameterJdbcTemplate template;

  @Test
  void anAudienceWritesOneAcceptedEventPerDeliveryAndARepeatWritesNone() {
    NotificationSpec spec = notification("events-accepted", 3);

    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);

    assertThat(outbox(spec)).extracting(DeliveryEvent::type, DeliveryEvent::deliveryId, DeliveryEvent::channel,
        DeliveryEvent::status, DeliveryEvent::sender).containsExactlyInAnyOrder(
            tuple(DeliveryEventType.ACCEPTED, email(spec, 0), Channel.EMAIL, DeliveryStatus.PENDING, spec.sender()),
            tuple(DeliveryEventType.ACCEPTED, email(spec, 1), Channel.EMAIL, DeliveryStatus.PENDING, spec.sender()),
            tuple(DeliveryEventType.ACCEPTED, email(spec, 2), Channel.EMAIL, DeliveryStatus.PENDING, spec.sender()));
  }

  @Test
  void eachStatusChangeWritesOneEventInOrderAndARepeatedOrUnchangedWriteNone() {
    NotificationSpec spec = notification("events-changes", 4);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);

    writes.recordOutcome(DeliveryOutcome.sent(email(spec, 0), new ProviderReceipt("<m0@herald>", 1)));
    writes.recordOutcome(DeliveryOutcome.sent(email(spec, 0), new ProviderReceipt("<again@herald>", 2)));
    log.recordReceipt(new DeliveryReceipt(email(spec, 0), "<m0@herald>", DeliveryStatus.DELIVERED, "delivered", null));
    deadLetters.retried(email(spec, 1),
        new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, "smtp-421", "try later", 1), "smtp-421", "try later");
    writes.recordOutcome(DeliveryOutcome.failed(email(spec, 1),
        new DeliveryError(DeliveryErrorType.INVALID_ADDRESS, "smtp-550", "mailbox unknown", 2)));
    writes.recordOutcome(DeliveryOutcome.skipped(email(spec, 2), "opted-out:channel=email", "opted out of email"));
    log.releasePending(spec.id(), "cancelled by admin");

    assertThat(outbox(spec)).filteredOn(event -> event.type() != DeliveryEventType.ACCEPTED)
        .extracting(DeliveryEvent::type, DeliveryEvent::deliveryId, DeliveryEvent::status,
            DeliveryEvent::providerMessageId, DeliveryEvent::errorCode)
        .containsExactly(
            tuple(DeliveryEventType.SENT, email(spec, 0), DeliveryStatus.SENT, "<m0@herald>", null),
            tuple(DeliveryEventType.DELIVERED, email(spec, 0), DeliveryStatus.DELIVERED, "<m0@herald>", null),
            tuple(DeliveryEventType.FAILED, email(spec, 1), DeliveryStatus.FAILED, null, "smtp-550"),
            tuple(DeliveryEventType.SKIPPED, email(spec, 2), DeliveryStatus.SKIPPED, null, "opted-out:channel=email"),
            tuple(DeliveryEventType.CANCELLED, email(spec, 3), DeliveryStatus.CANCELLED, null, null));
  }

  @Test
  void recordWritesAnEventOfTheDeliveryAsItStandsForEachIdInTheLog() {
    NotificationSpec spec = notification("events-dead-letter", 2);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    writes.recordOutcome(DeliveryOutcome.failed(email(spec, 0),
        new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, "smtp-421", "gave up", 6)));

    int recorded = events.record(DeliveryEventType.DEAD_LETTERED, List.of(email(spec, 0), "no-such-delivery"));

    assertThat(recorded).isEqualTo(1);
    assertThat(outbox(spec)).last().extracting(DeliveryEvent::type, DeliveryEvent::deliveryId, DeliveryEvent::status,
            DeliveryEvent::errorCode)
        .containsExactly(DeliveryEventType.DEAD_LETTERED, email(spec, 0), DeliveryStatus.FAILED, "smtp-421");
  }

  @Test
  void anInboxItemReadWritesOneReadEventUntilItIsMarkedUnread() {
    NotificationSpec spec = list("events-read", List.of(new Recipient("u-1", null, null, null, null, null)),
        Channel.IN_APP);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    String deliveryId = DeliveryLogFixtures.deliveryId(spec, Channel.IN_APP, 0);
    long item = jdbc().sql("""
            insert into inbox_item (owner, recipient_id, notification_id, delivery_id, body)
            values (:owner, 'u-1', :notificationId, :deliveryId, 'hello') returning id""")
        .param("owner", spec.sender()).param("notificationId", spec.id()).param("deliveryId", deliveryId)
        .query(Long.class).single();

    markRead(item);
    markRead(item);
    jdbc().sql("update inbox_item set read_at = null where id = :id").param("id", item).update();
    markRead(item);

    assertThat(outbox(spec)).extracting(DeliveryEvent::type, DeliveryEvent::deliveryId, DeliveryEvent::channel)
        .containsExactly(tuple(DeliveryEventType.ACCEPTED, deliveryId, Channel.IN_APP),
            tuple(DeliveryEventType.READ, deliveryId, Channel.IN_APP),
            tuple(DeliveryEventType.READ, deliveryId, Channel.IN_APP));
  }

  private void markRead(long item) {
    jdbc().sql("update inbox_item set read_at = coalesce(read_at, now()) where id = :id").param("id", item).update();
  }

  /** The notification's events in the outbox, in order, as the relay reads them (it publishes and deletes none). */
  private List<DeliveryEvent> outbox(NotificationSpec spec) {
    List<DeliveryEvent> read = new ArrayList<>();
    eventOutbox.relay(10_000, oldest -> {
      read.addAll(oldest);
      return 0;
    });
    return read.stream().filter(event -> event.notificationId().equals(spec.id())).toList();
  }

  private JdbcClient jdbc() {
    return JdbcClient.create(template);
  }
}
