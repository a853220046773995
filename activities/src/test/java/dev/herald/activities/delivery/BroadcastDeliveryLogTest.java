package dev.herald.activities.delivery;

import static dev.herald.activities.delivery.DeliveryLogFixtures.broadcast;
import static dev.herald.activities.delivery.DeliveryLogFixtures.deliveryId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase.Replace.NONE;

import dev.herald.activities.GroupFixtures;
import dev.herald.activities.GroupFixtures.Member;
import dev.herald.workflows.messages.Audience;
import dev.herald.workflows.messages.BatchRequest;
import dev.herald.workflows.messages.Channel;
import dev.herald.workflows.messages.ChannelCounts;
import dev.herald.workflows.messages.Content;
import dev.herald.workflows.messages.DeliveryError;
import dev.herald.workflows.messages.DeliveryErrorType;
import dev.herald.workflows.messages.DeliveryReceipt;
import dev.herald.workflows.messages.DeliveryStatus;
import dev.herald.workflows.messages.NotificationSpec;
import dev.herald.workflows.messages.NotificationStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A group's audience, batch failures and counts in the delivery log; each test rolls back. */
@DataJdbcTest
@AutoConfigureTestDatabase(replace = NONE)
class BroadcastDeliveryLogTest {

  @Autowired DeliveryLogActivitiesImpl log;
  @Autowired DeliveryLogWrites writes;
  @Autowired NamedParameterJdbcTemplate template;

  private JdbcClient jdbc() {
    return JdbcClient.create(template);
  }

  @Test
  void snapshotNumbersMembersByRecipientIdAndReservesEachAddressedChannel() {
    GroupFixtures.group(jdbc(), DeliveryLogFixtures.SENDER, "snap", List.of(
        new Member("s-3", "Cy", null, "cy@example.com", "+15550000003"),
        Member.email("s-1", "ada@example.com"),
        new Member("s-2", "Bo", null, null, "+15550000002")));
    NotificationSpec spec = broadcast("snap-1", "snap", Channel.EMAIL, Channel.SMS, Channel.IN_APP);

    Audience audience = log.recordAudience(spec, NotificationStatus.ACCEPTED);

    assertThat(audience).isEqualTo(new Audience(3, List.of(ChannelCounts.reserved(Channel.EMAIL, 2),
        ChannelCounts.reserved(Channel.SMS, 2), ChannelCounts.reserved(Channel.IN_APP, 3))));
    assertThat(rows(spec.id())).containsExactly(
        tuple(deliveryId(spec, Channel.EMAIL, 0), "EMAIL", 0, "s-1", "ada@example.com"),
        tuple(spec.id() + "/email/2", "EMAIL", 2, "s-3", "cy@example.com"),
        tuple(spec.id() + "/in_app/0", "IN_APP", 0, "s-1", "s-1"),
        tuple(spec.id() + "/in_app/1", "IN_APP", 1, "s-2", "s-2"),
        tuple(spec.id() + "/in_app/2", "IN_APP", 2, "s-3", "s-3"),
        tuple(spec.id() + "/sms/1", "SMS", 1, "s-2", "+15550000002"),
        tuple(spec.id() + "/sms/2", "SMS", 2, "s-3", "+15550000003"));
    assertThat(jdbc().sql("select recipient_count || ' ' || group_key || ' ' || status from notification where id = :id")
        .param("id", spec.id()).query(String.class).single()).isEqualTo("3 snap ACCEPTED");
  }

  @Test
  void theAudienceIsTheSendersOwnGroupNeverAnotherSendersOfTheSameKey() {
    GroupFixtures.group(jdbc(), "another-sender", "same-key", List.of(Member.email("o-1", "theirs@example.com"),
        Member.email("o-2", "theirs-too@example.com")));
    GroupFixtures.group(jdbc(), DeliveryLogFixtures.SENDER, "same-key", List.of(Member.email("o-1", "ours@example.com")));
    NotificationSpec spec = broadcast("same-key-1", "same-key", Channel.EMAIL);

    Audience audience = log.recordAudience(spec, NotificationStatus.ACCEPTED);

    assertThat(audience.recipients()).isEqualTo(1);
    assertThat(rows(spec.id())).containsExactly(tuple(deliveryId(spec, Channel.EMAIL, 0), "EMAIL", 0, "o-1",
        "ours@example.com"));
  }

  @Test
  void aGroupRecordedWhileSendingStoresTheNotificationAsSending() {
    GroupFixtures.group(jdbc(), DeliveryLogFixtures.SENDER, "now", List.of(Member.email("n-1", "n1@example.com")));
    NotificationSpec spec = broadcast("now-1", "now", Channel.EMAIL);

    log.recordAudience(spec, NotificationStatus.SENDING);

    assertThat(jdbc().sql("select status from notification where id = :id").param("id", spec.id())
        .query(String.class).single()).isEqualTo("SENDING");
    assertThat(statuses(spec.id())).containsExactlyEntriesOf(Map.of("email/0", "PENDING"));
  }

  @Test
  void anAddressSharedByMembersGetsOneDeliveryForTheLowestNumbered() {
    GroupFixtures.group(jdbc(), DeliveryLogFixtures.SENDER, "shared", List.of(Member.email("h-2", "same@example.com"),
        Member.email("h-1", "Same@Example.com"), Member.email("h-3", "other@example.com")));
    NotificationSpec spec = broadcast("shared-1", "shared", Channel.EMAIL);

    Audience audience = log.recordAudience(spec, NotificationStatus.ACCEPTED);

    assertThat(audience).isEqualTo(new Audience(3, List.of(ChannelCounts.reserved(Channel.EMAIL, 2))));
    assertThat(rows(spec.id())).extracting(row -> row.toList().get(3)).containsExactly("h-1", "h-3");
  }

  @Test
  void aRepeatInsertsNothingAndAnswersTheSameAudience() {
    GroupFixtures.group(jdbc(), DeliveryLogFixtures.SENDER, "again", List.of(Member.email("a-1", "a1@example.com"),
        Member.email("a-2", "a2@example.com")));
    NotificationSpec spec = broadcast("again-1", "again", Channel.EMAIL, Channel.IN_APP);
    Audience first = log.recordAudience(spec, NotificationStatus.ACCEPTED);
    jdbc().sql("insert into recipient (owner, external_id, email, created_at, updated_at) values ('billing-service', 'a-0', 'a0@example.com', now(), now())").update();
    jdbc().sql("insert into group_member (group_id, owner, recipient_id) select id, owner, 'a-0' from recipient_group where key = 'again'").update();

    Audience repeat = log.recordAudience(spec, NotificationStatus.SENDING);

    assertThat(repeat).isEqualTo(first);
    assertThat(first.recipients()).isEqualTo(2);
    assertThat(first.deliveries()).isEqualTo(4);
    assertThat(rows(spec.id())).hasSize(4).extracting(row -> row.toList().get(3)).doesNotContain("a-0");
    assertThat(jdbc().sql("select status from notification where id = :id").param("id", spec.id())
        .query(String.class).single()).isEqualTo("ACCEPTED");
  }

  @Test
  void anUnknownOrEmptyGroupHasNoAudience() {
    jdbc().sql("insert into recipient_group (owner, key, name, created_at, updated_at) values ('billing-service', 'empty', 'Empty', now(), now())")
        .update();
    NotificationSpec unknown = broadcast("unknown-1", "no-such-group", Channel.EMAIL, Channel.SMS);
    NotificationSpec empty = broadcast("empty-1", "empty", Channel.EMAIL);

    assertThat(log.recordAudience(unknown, NotificationStatus.ACCEPTED)).isEqualTo(
        new Audience(0, List.of(ChannelCounts.none(Channel.EMAIL), ChannelCounts.none(Channel.SMS))));
    assertThat(log.recordAudience(empty, NotificationStatus.ACCEPTED))
        .isEqualTo(new Audience(0, List.of(ChannelCounts.none(Channel.EMAIL))));
    assertThat(rows(unknown.id())).isEmpty();
  }

  @Test
  void failBatchFailsOnlyTheRangesPendingDeliveriesOnItsChannel() {
    GroupFixtures.group(jdbc(), DeliveryLogFixtures.SENDER, "fail", List.of(
        new Member("f-0", null, null, "f0@example.com", "+15550000100"), Member.email("f-1", "f1@example.com"),
        Member.email("f-2", "f2@example.com"), Member.email("f-3", "f3@example.com")));
    NotificationSpec spec = broadcast("fail-1", "fail", Channel.EMAIL, Channel.SMS);
    log.recordAudience(spec, NotificationStatus.SENDING);
    writes.recordOutcome(new DeliveryOutcome(deliveryId(spec, Channel.EMAIL, 1), DeliveryStatus.SENT,
        1, "<m1>", null, null));
    BatchRequest batch = new BatchRequest(spec.id(), spec.sender(), Channel.EMAIL, 0, 3, new Content("s", "b"), null,
        List.of(), null, null, null, false);

    ChannelCounts counts = log.failBatch(batch,
        new DeliveryError(DeliveryErrorType.PROVIDER_UNAVAILABLE, "smtp-451", "try again later", 40));

    assertThat(counts).isEqualTo(new ChannelCounts(Channel.EMAIL, 3, 0, 1, 0, 2, 0, 0));
    assertThat(statuses(spec.id())).containsExactlyInAnyOrderEntriesOf(Map.of(
        "email/0", "FAILED smtp-451 try again later", "email/1", "SENT", "email/2", "FAILED smtp-451 try again later",
        "email/3", "PENDING", "sms/0", "PENDING"));
  }

  @Test
  void countDeliveriesCountsEachChannelInTheNotificationsOrder() {
    GroupFixtures.group(jdbc(), DeliveryLogFixtures.SENDER, "count", List.of(
        new Member("k-0", null, null, "k0@example.com", "+15550000200"),
        new Member("k-1", null, null, "k1@example.com", "+15550000201"), Member.email("k-2", "k2@example.com")));
    NotificationSpec spec = broadcast("count-1", "count", Channel.SMS, Channel.EMAIL, Channel.PUSH);
    log.recordAudience(spec, NotificationStatus.SENDING);
    writes.recordOutcome(new DeliveryOutcome(deliveryId(spec, Channel.SMS, 0), DeliveryStatus.SENT,
        1, "SM0", null, null));
    log.recordReceipt(new DeliveryReceipt(deliveryId(spec, Channel.SMS, 0), "SM0", DeliveryStatus.DELIVERED, "delivered",
        null));
    writes.recordOutcome(new DeliveryOutcome(deliveryId(spec, Channel.SMS, 1), DeliveryStatus.SENT,
        1, "SM1", null, null));
    writes.recordOutcome(new DeliveryOutcome(deliveryId(spec, Channel.EMAIL, 2),
        DeliveryStatus.FAILED, 1, null, "smtp-550", "unknown mailbox"));
    log.releasePending(spec.id(), "cancelled");

    List<ChannelCounts> counts = log.countDeliveries(spec.id());

    assertThat(counts).containsExactly(
        new ChannelCounts(Channel.SMS, 2, 0, 2, 1, 0, 0, 0),
        new ChannelCounts(Channel.EMAIL, 3, 0, 0, 0, 1, 0, 2),
        new ChannelCounts(Channel.PUSH, 3, 0, 0, 0, 0, 0, 3));
    assertThat(log.countDeliveries("notification-no-such")).isEmpty();
  }

  @Test
  void aGroupLargerThanOneInsertIsRecordedWholeEachMemberNumberedOnceInIdOrder() {
    int members = GroupAudiences.CHUNK + 1;
    GroupFixtures.largeGroup(jdbc(), DeliveryLogFixtures.SENDER, "large", "large-", members);
    NotificationSpec spec = broadcast("large-1", "large", Channel.EMAIL, Channel.IN_APP);

    Audience audience = log.recordAudience(spec, NotificationStatus.ACCEPTED);

    assertThat(audience).isEqualTo(new Audience(members, List.of(ChannelCounts.reserved(Channel.EMAIL, members),
        ChannelCounts.reserved(Channel.IN_APP, members))));
    assertThat(jdbc().sql("""
            select channel || ' ' || count(distinct recipient_seq) || ' ' || min(recipient_seq) || ' '
                   || max(recipient_seq) || ' '
                   || count(*) filter (where recipient_id <> 'large-' || lpad(recipient_seq::text, 6, '0')
                                          or id <> :id || '/' || lower(channel) || '/' || recipient_seq)
            from delivery where notification_id = :id group by channel order by channel""")
        .param("id", spec.id()).query(String.class).list())
        .containsExactly("EMAIL " + members + " 0 " + (members - 1) + " 0",
            "IN_APP " + members + " 0 " + (members - 1) + " 0");
  }

  private List<Tuple> rows(String notificationId) {
    return jdbc().sql("""
            select id, channel, recipient_seq, recipient_id, recipient from delivery
            where notification_id = :id order by channel, recipient_seq""")
        .param("id", notificationId)
        .query((row, n) -> tuple(row.getString("id"), row.getString("channel"), row.getInt("recipient_seq"),
            row.getString("recipient_id"), row.getString("recipient")))
        .list();
  }

  private Map<String, String> statuses(String notificationId) {
    return jdbc().sql("""
            select substr(id, length(:id) + 2) as key,
                   status || coalesce(' ' || error_code, '') || coalesce(' ' || last_error, '') as value
            from delivery where notification_id = :id""")
        .param("id", notificationId)
        .query((row, n) -> Map.entry(row.getString("key"), row.getString("value"))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
