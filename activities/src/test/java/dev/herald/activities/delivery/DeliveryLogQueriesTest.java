package dev.herald.activities.delivery;

import static dev.herald.activities.delivery.DeliveryLogFixtures.email;
import static dev.herald.activities.delivery.DeliveryLogFixtures.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.channel.ProviderReceipt;
import dev.herald.workflows.messages.ApprovalDecision;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.Decision;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import dev.herald.workflows.messages.Priority;
import dev.herald.workflows.messages.Recipient;
import dev.herald.workflows.messages.TemplateRef;
import dev.herald.workflows.notification.NotificationIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;

/** History and counts read from the delivery log, over notifications written through the activity. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class DeliveryLogQueriesTest {

  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

  @Autowired DeliveryLogActivitiesImpl log;
  @Autowired DeliveryLogWrites writes;
  @Autowired NotificationHistory history;
  @Autowired DeliveryRepository deliveries;

  /** Five notifications an hour apart: n0 (oldest) .. n4 (newest). */
  @BeforeEach
  void fiveNotificationsAnHourApart() {
    accept("n0", 0, NotificationStatus.COMPLETED, Channel.EMAIL);
    accept("n1", 1, NotificationStatus.FAILED, Channel.SMS, Channel.EMAIL);
    accept("n2", 2, NotificationStatus.COMPLETED, Channel.PUSH);
    accept("n3", 3, NotificationStatus.SENDING, Channel.EMAIL, Channel.PUSH);
    accept("n4", 4, NotificationStatus.COMPLETED, Channel.SMS);
  }

  @Test
  void historyWithoutFiltersListsEverythingNewestFirst() {
    assertThat(history(null, null, null, null, 10, 0)).containsExactly("n4", "n3", "n2", "n1", "n0");
  }

  @Test
  void historyPagesWithLimitAndOffset() {
    assertThat(history(null, null, null, null, 2, 0)).containsExactly("n4", "n3");
    assertThat(history(null, null, null, null, 2, 2)).containsExactly("n2", "n1");
    assertThat(history(null, null, null, null, 2, 4)).containsExactly("n0");
    assertThat(history(null, null, null, null, 2, 6)).isEmpty();
  }

  @Test
  void historyFiltersByStatus() {
    assertThat(history(NotificationStatus.COMPLETED, null, null, null, 10, 0)).containsExactly("n4", "n2", "n0");
    assertThat(history(NotificationStatus.CANCELLED, null, null, null, 10, 0)).isEmpty();
  }

  @Test
  void historyFiltersByAnyOfTheNotificationsChannels() {
    assertThat(history(null, Channel.EMAIL, null, null, 10, 0)).containsExactly("n3", "n1", "n0");
    assertThat(history(null, Channel.SMS, null, null, 10, 0)).containsExactly("n4", "n1");
    assertThat(history(null, Channel.PUSH, null, null, 10, 0)).containsExactly("n3", "n2");
    assertThat(history(null, Channel.IN_APP, null, null, 10, 0)).isEmpty();
  }

  @Test
  void historySinceIsInclusiveAndUntilExclusive() {
    assertThat(history(null, null, hour(1), hour(3), 10, 0)).containsExactly("n2", "n1");
    assertThat(history(null, null, hour(3), null, 10, 0)).containsExactly("n4", "n3");
    assertThat(history(null, null, null, hour(1), 10, 0)).containsExactly("n0");
  }

  @Test
  void historyCombinesFilters() {
    assertThat(history(NotificationStatus.COMPLETED, Channel.EMAIL, hour(0), hour(4), 10, 0)).containsExactly("n0");
    assertThat(history(NotificationStatus.COMPLETED, Channel.SMS, hour(1), null, 1, 0)).containsExactly("n4");
  }

  @Test
  void historyFiltersByPrioritySenderTemplateAndRecipient() {
    log.recordAudience(spec("f-high", "queries-shop", Priority.HIGH, null, Recipient.ofEmail("ada@queries.example")),
        NotificationStatus.ACCEPTED);
    log.recordAudience(spec("f-low", "queries-shop", Priority.LOW, new TemplateRef("queries-shipped", 3, Map.of()),
        new Recipient("queries-user-42", "minji@queries.example", null, null, null, null)), NotificationStatus.ACCEPTED);
    log.recordAudience(spec("f-other", "queries-bank", Priority.HIGH, new TemplateRef("queries-shipped", 1, Map.of()),
        new Recipient("queries-user-42", "kim@queries.example", null, null, null, null)), NotificationStatus.ACCEPTED);

    HistoryFilter highSinceThen = new HistoryFilter(null, null, Priority.HIGH, null, null, null, hour(10), null);
    assertThat(keys(highSinceThen, 10, 0)).containsExactlyInAnyOrder("f-high", "f-other");
    assertThat(keys(filter(null, "queries-shop", null, null), 10, 0)).containsExactlyInAnyOrder("f-high", "f-low");
    assertThat(keys(filter(null, null, "queries-shipped", null), 10, 0)).containsExactlyInAnyOrder("f-low", "f-other");
    assertThat(keys(filter(null, null, null, "ada@queries.example"), 10, 0)).containsExactly("f-high");
    assertThat(keys(filter(null, null, null, "queries-user-42"), 10, 0)).containsExactlyInAnyOrder("f-low", "f-other");
    assertThat(keys(filter(null, null, null, "kim@queries.example"), 10, 0)).containsExactly("f-other");
    assertThat(keys(filter(Priority.HIGH, "queries-bank", "queries-shipped", "queries-user-42"), 10, 0))
        .containsExactly("f-other");
    assertThat(keys(filter(Priority.LOW, "queries-bank", null, null), 10, 0)).isEmpty();
    assertThat(keys(filter(null, null, null, "nobody@queries.example"), 10, 0)).isEmpty();
  }

  @Test
  void blankTextFiltersCountAsNone() {
    assertThat(new HistoryFilter(null, null, null, " ", "", "\t", null, null)).isEqualTo(HistoryFilter.NONE);
  }

  @Test
  void countByStatusGroupsTheDeliveriesOfOneNotification() {
    NotificationSpec spec = notification("counted", 5);
    log.recordAudience(spec, NotificationStatus.SENDING);
    writes.recordOutcome(DeliveryOutcome.sent(email(spec, 0), new ProviderReceipt("<a@herald>", 1)));
    writes.recordOutcome(DeliveryOutcome.sent(email(spec, 1), new ProviderReceipt("<b@herald>", 2)));
    writes.recordOutcome(DeliveryOutcome.failed(email(spec, 2),
        new DeliveryError(DeliveryErrorType.INVALID_ADDRESS, null, "malformed", 1)));

    assertThat(deliveries.countByStatus(spec.id())).containsExactlyInAnyOrder(
        new StatusCount(DeliveryStatus.SENT, 2),
        new StatusCount(DeliveryStatus.FAILED, 1),
        new StatusCount(DeliveryStatus.PENDING, 2));
    assertThat(deliveries.countByStatus("notification-unknown")).isEmpty();
  }

  @Test
  void aLoggedNotificationShowsItsChannelsInOrderItsApprovalAndItsCountsPerChannel() {
    NotificationSpec spec = notification("detailed", hour(5), 2, Channel.SMS, Channel.EMAIL);
    log.recordAudience(spec, NotificationStatus.PENDING_APPROVAL);
    ApprovalDecision approval = new ApprovalDecision(Decision.APPROVE, "fine", "admin-1", hour(6));
    log.recordApproval(spec.id(), approval);

    LoggedNotification logged = history.find(spec.id()).orElseThrow();

    assertThat(logged.channels()).containsExactly(Channel.SMS, Channel.EMAIL);
    assertThat(logged.approval()).isEqualTo(approval);
    assertThat(logged.counts()).extracting(ChannelCounts::channel).containsExactly(Channel.SMS, Channel.EMAIL);
    assertThat(logged.counts().get(1).pending()).isEqualTo(2);
    assertThat(history.deliveries(spec.id(), 10)).hasSize(logged.counts().stream().mapToInt(ChannelCounts::total).sum());
    assertThat(history.status(spec.id())).contains(NotificationStatus.PENDING_APPROVAL);
  }

  @Test
  void aNotificationNotLoggedYetHasNoEntryAndNoStatus() {
    assertThat(history.find("notification-not-yet")).isEmpty();
    assertThat(history.status("notification-not-yet")).isEmpty();
  }

  /** Relative to the count before: tests that commit share this database. */
  @Test
  void inFlightCountsTheAcceptedAndTheSendingOnly() {
    int before = history.inFlight();

    accept("n5", 5, NotificationStatus.ACCEPTED, Channel.EMAIL);
    assertThat(history.inFlight()).isEqualTo(before + 1);
    log.recordStatus(notification("n3", 1).id(), NotificationStatus.COMPLETED, null);
    log.recordStatus(notification("n5", 1).id(), NotificationStatus.PENDING_APPROVAL, null);
    assertThat(history.inFlight()).isEqualTo(before - 1);
  }

  @Test
  void aKeysLatestUseIsItsSendersNewestNotificationWithItsRequestHash() {
    NotificationSpec first = spec("reused", "shop", Priority.NORMAL, null, Recipient.ofEmail("a@example.com"));
    log.recordAudience(first, NotificationStatus.SENDING);
    log.recordStatus(first.id(), NotificationStatus.COMPLETED, null);
    NotificationSpec second = new NotificationSpec(NotificationIds.next("shop", "reused", first.id()), "reused", "shop",
        first.channels(), first.recipients(), first.content(), Priority.NORMAL, null, first.approval(), hour(11),
        "hash-again", null, null, null, null, null, null, null);
    log.recordAudience(second, NotificationStatus.SENDING);
    log.recordAudience(spec("reused", "other", Priority.NORMAL, null, Recipient.ofEmail("b@example.com")),
        NotificationStatus.SENDING);

    assertThat(history.latestUse("shop", "reused")).hasValueSatisfying(use -> assertThat(use)
        .extracting(KeyUse::notificationId, KeyUse::requestHash, KeyUse::status)
        .containsExactly("notification-shop~reused~2", "hash-again", NotificationStatus.SENDING));
    assertThat(history.latestUse("shop", "unused")).isEmpty();
  }

  private void accept(String key, int hour, NotificationStatus status, Channel... channels) {
    NotificationSpec spec = notification(key, hour(hour), 1, channels);
    log.recordAudience(spec, NotificationStatus.ACCEPTED);
    log.recordStatus(spec.id(), status, null);
  }

  private static HistoryFilter filter(Priority priority, String sender, String template, String recipient) {
    return new HistoryFilter(null, null, priority, sender, template, recipient, null, null);
  }

  /** An email notification of {@code sender} at T0 + 10 h to one recipient. */
  private static NotificationSpec spec(String key, String sender, Priority priority, TemplateRef template,
      Recipient recipient) {
    NotificationSpec base = notification(key, hour(10), 1, Channel.EMAIL);
    return new NotificationSpec(NotificationIds.of(sender, key), key, sender, base.channels(), List.of(recipient),
        template == null ? base.content() : null, priority, null, base.approval(), base.acceptedAt(),
        base.requestHash(), null, null, template, null, null, null, null);
  }

  private static Instant hour(int hours) {
    return T0.plus(Duration.ofHours(hours));
  }

  private List<String> history(NotificationStatus status, Channel channel, Instant since, Instant until, int limit,
      long offset) {
    return keys(new HistoryFilter(status, channel, null, null, null, null, since, until), limit, offset);
  }

  private List<String> keys(HistoryFilter filter, int limit, long offset) {
    return history.page(filter, limit, offset).stream().map(LoggedNotification::idempotencyKey).toList();
  }
}
